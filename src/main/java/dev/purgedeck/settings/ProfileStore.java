package dev.purgedeck.settings;

import dev.purgedeck.fastly.ApiToken;
import dev.purgedeck.fastly.ClientConfig;
import dev.purgedeck.files.StoreLock;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * All the profiles: the discovered ones (the environment's token, the Fastly CLI's tokens, the sandbox) followed by
 * the ones the user added, whose endpoints live in {@code profiles.json} and whose tokens live in {@link TokenStore}.
 * It also remembers which profile is in use. Profiles hold no token; {@link #tokenFor} fetches it when needed.
 */
public final class ProfileStore {
    private static final int MAX_NAME = 60;

    private final Path file;
    private final Map<String, String> env;
    private final Path cliConfigFile;
    private final Clock clock;
    private final TokenStore tokens;
    private final List<String> openProblems = new ArrayList<>();
    private final List<Profile> saved;
    private String activeName;
    private FastlyCliConfig cli;
    private List<Profile> discovered;
    private List<String> discoveryProblems;

    private ProfileStore(Path dataDir, Map<String, String> env, Path cliConfigFile, Clock clock) {
        this.file = dataDir.resolve(ProfilesFile.FILE);
        this.env = Map.copyOf(env);
        this.cliConfigFile = cliConfigFile;
        this.clock = clock;
        this.tokens = TokenStore.open(dataDir);
        tokens.problem().ifPresent(openProblems::add);
        ProfilesFile.Content content = ProfilesFile.load(file, openProblems);
        this.saved = new ArrayList<>(content.saved());
        this.activeName = content.active();
        refresh();
    }

    /** Opens the store; {@code fastlyCliConfig} is usually {@link FastlyCliConfig#defaultLocation}, null for none. */
    public static ProfileStore open(Path dataDir, Map<String, String> env, Path fastlyCliConfig) {
        return open(dataDir, env, fastlyCliConfig, Clock.systemUTC());
    }

    /** As {@link #open(Path, Map, Path)}, judging the Fastly CLI's token expiry times by {@code clock}. */
    public static ProfileStore open(Path dataDir, Map<String, String> env, Path fastlyCliConfig, Clock clock) {
        return new ProfileStore(dataDir, env, fastlyCliConfig, clock);
    }

    /** Reads the Fastly CLI's config again, e.g. after the user ran {@code fastly auth add}. */
    public synchronized void refresh() {
        cli = FastlyCliConfig.read(cliConfigFile, clock);
        discoveryProblems = new ArrayList<>();
        discovered = DiscoveredProfiles.find(env, cli, discoveryProblems);
    }

    /** Discovered profiles first (Environment, Fastly CLI tokens with the CLI's default first, Sandbox), then saved. */
    public synchronized List<Profile> profiles() {
        return Stream.concat(discovered.stream(), saved.stream()).toList();
    }

    public synchronized Optional<Profile> find(String name) {
        return profiles().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Everything worth telling the user about where profiles come from, in plain words; empty when all is well. */
    public synchronized List<String> problems() {
        List<String> out = new ArrayList<>(openProblems);
        out.addAll(discoveryProblems);
        if (activeName != null && find(activeName).isEmpty()) {
            out.add("The profile used last time, \u201c" + activeName + "\u201d, is not available now; "
                    + active().name() + " is used instead.");
        }
        return out;
    }

    /**
     * Adds a profile with a typed token, which goes to the {@link TokenStore}.
     *
     * @throws InvalidEndpointException when the custom endpoint is refused
     * @throws IllegalArgumentException when the name is taken or unusable, or the kind is the sandbox
     */
    public synchronized Profile add(String name, EndpointKind kind, String endpointText, ApiToken typedToken)
            throws IOException {
        String n = checkNewName(name);
        if (typedToken == null) {
            throw new IllegalArgumentException("Enter the API token for this profile.");
        }
        URI endpoint = endpointOf(kind, endpointText);
        Profile p = new Profile(n, EndpointKind.of(endpoint), endpoint, TokenRef.stored(n), ProfilesFile.SAVED);
        return StoreLock.locked(file, () -> {
            ProfilesFile.Content fresh = reload();
            if (fresh.saved().stream().anyMatch(s -> s.name().equalsIgnoreCase(n))) {
                throw new IllegalArgumentException("A profile with this name already exists.");
            }
            List<Profile> next = new ArrayList<>(fresh.saved());
            next.add(p);
            tokens.put(n, typedToken);
            try {
                ProfilesFile.save(file, next, fresh.active());
            } catch (IOException e) {
                forgetToken(n);
                throw e;
            }
            saved.clear();
            saved.addAll(next);
            return p;
        });
    }

    /**
     * Changes a profile the user added: name, endpoint and, when {@code newToken} is not null, the token; else the
     * saved token is kept (under the new name). The profile stays in use if it was.
     *
     * @throws IllegalArgumentException when it is not a profile added here, the new name is taken or unusable, or the
     *                                  saved token cannot be read and no new one was given
     */
    public synchronized Profile update(String oldName, String name, EndpointKind kind, String endpointText,
                                       ApiToken newToken) throws IOException {
        saved.stream().filter(s -> s.name().equals(oldName)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("Only profiles added in PurgeDeck can be edited here."));
        String n = name != null && name.strip().equalsIgnoreCase(oldName) ? name.strip() : checkNewName(name);
        URI endpoint = endpointOf(kind, endpointText);
        ApiToken token = newToken != null ? newToken : tokens.get(oldName).orElseThrow(() ->
                new IllegalArgumentException("The saved token could not be read: enter the token again."));
        Profile p = new Profile(n, EndpointKind.of(endpoint), endpoint, TokenRef.stored(n), ProfilesFile.SAVED);
        return StoreLock.locked(file, () -> {
            ProfilesFile.Content fresh = reload();
            List<Profile> next = new ArrayList<>(fresh.saved());
            int at = next.stream().map(Profile::name).toList().indexOf(oldName);
            if (at < 0) {
                throw new IllegalArgumentException("This profile was removed meanwhile.");
            }
            next.set(at, p);
            tokens.put(n, token);
            ProfilesFile.save(file, next, oldName.equals(fresh.active()) ? n : fresh.active());
            if (!n.equals(oldName)) {
                tokens.remove(oldName);
            }
            saved.clear();
            saved.addAll(next);
            if (oldName.equals(activeName)) {
                activeName = n;
            }
            return p;
        });
    }

    private static URI endpointOf(EndpointKind kind, String endpointText) {
        return switch (Objects.requireNonNull(kind, "kind")) {
            case FASTLY -> ClientConfig.FASTLY_API;
            case CUSTOM -> Endpoints.validateCustom(endpointText);
            case SANDBOX -> throw new IllegalArgumentException("The sandbox is always there and needs no token.");
        };
    }

    /**
     * What profiles.json holds now, read under the lock before a change, since another window may have saved since;
     * this store's own list when the file is unreadable (it was then set aside).
     */
    private ProfilesFile.Content reload() {
        ProfilesFile.Content fresh = ProfilesFile.load(file, new ArrayList<>());
        return fresh.readable() ? fresh : new ProfilesFile.Content(List.copyOf(saved), activeName, false);
    }

    /** Removes a profile the user added, and its stored token. Discovered profiles cannot be removed here. */
    public synchronized void remove(String name) throws IOException {
        saved.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("Only profiles added in PurgeDeck can be removed here."));
        StoreLock.locked(file, () -> {
            ProfilesFile.Content fresh = reload();
            List<Profile> next = new ArrayList<>(fresh.saved());
            next.removeIf(s -> s.name().equals(name));
            String nextActive = name.equals(activeName) ? null : activeName;
            ProfilesFile.save(file, next, name.equals(fresh.active()) ? null : fresh.active());
            saved.clear();
            saved.addAll(next);
            activeName = nextActive;
            return null;
        });
        tokens.remove(name);
    }

    /** The remembered profile; else Environment when FASTLY_API_TOKEN is set; else the sandbox (always there). */
    public synchronized Profile active() {
        return Optional.ofNullable(activeName).flatMap(this::find)
                .or(() -> find(DiscoveredProfiles.ENVIRONMENT))
                .orElseGet(DiscoveredProfiles::sandbox);
    }

    /** Remembers the profile in use, in profiles.json. */
    public synchronized void setActive(String name) throws IOException {
        if (find(name).isEmpty()) {
            throw new IllegalArgumentException("There is no profile with this name.");
        }
        StoreLock.locked(file, () -> {
            ProfilesFile.Content fresh = reload();
            ProfilesFile.save(file, fresh.saved(), name);
            saved.clear();
            saved.addAll(fresh.saved());
            return null;
        });
        activeName = name;
    }

    /** The profile's token; empty for the sandbox (the app has its demo token) or when the source has lost it. */
    public synchronized Optional<ApiToken> tokenFor(Profile p) {
        return switch (p.token().source()) {
            case ENVIRONMENT -> EnvironmentConnection.token(env);
            case FASTLY_CLI -> cli.token(p.token().name()).map(FastlyCliConfig.CliToken::token);
            case STORED -> tokens.get(p.token().name());
            case SANDBOX_DEMO -> Optional.empty();
        };
    }

    /**
     * The connection for a profile; for the sandbox, the running sandbox's address and demo token.
     *
     * @throws IllegalStateException when the profile's token is no longer available, saying why
     */
    public Connection connectionFor(Profile p, URI sandboxEndpoint, ApiToken sandboxToken) {
        if (p.endpointKind() == EndpointKind.SANDBOX) {
            return new Connection(Connection.Kind.SANDBOX, Objects.requireNonNull(sandboxEndpoint, "sandboxEndpoint"),
                    sandboxToken);
        }
        ApiToken token = tokenFor(p).orElseThrow(() -> new IllegalStateException(missing(p.token())));
        Optional<String> refused = endpointProblem(p);
        if (refused.isPresent()) {
            throw new IllegalStateException(refused.get());
        }
        return new Connection(p.endpointKind().connectionKind(), p.endpoint(), token);
    }

    /** Why the profile's configured endpoint may not be used, when it comes from a refused Fastly CLI setting. */
    private synchronized Optional<String> endpointProblem(Profile p) {
        if (p.token().source() != TokenRef.Source.FASTLY_CLI) {
            return Optional.empty();
        }
        return cli.token(p.token().name()).map(FastlyCliConfig.CliToken::endpointProblem);
    }

    private static String missing(TokenRef ref) {
        return switch (ref.source()) {
            case ENVIRONMENT -> "FASTLY_API_TOKEN is not set any more.";
            case FASTLY_CLI -> "The Fastly CLI no longer has this token; refresh the profiles.";
            case STORED -> "The token saved for this profile is missing; remove the profile and add it again.";
            case SANDBOX_DEMO -> "The sandbox is not running.";
        };
    }

    private String checkNewName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("Enter a name for the profile.");
        }
        if (n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Use a name of at most " + MAX_NAME + " characters, on one line.");
        }
        if (DiscoveredProfiles.reserved(n)) {
            throw new IllegalArgumentException("That name belongs to a profile PurgeDeck finds by itself; choose another.");
        }
        if (profiles().stream().anyMatch(p -> p.name().equalsIgnoreCase(n))) {
            throw new IllegalArgumentException("A profile with this name already exists.");
        }
        return n;
    }

    private void forgetToken(String name) {
        try {
            tokens.remove(name);
        } catch (IOException e) {
            // The profile was not saved, so the stray token is never offered; the next remove or add replaces it.
        }
    }

    @Override
    public synchronized String toString() {
        return "ProfileStore[" + file + ", " + discovered.size() + " discovered, " + saved.size() + " saved]";
    }
}
