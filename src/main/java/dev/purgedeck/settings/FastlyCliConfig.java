package dev.purgedeck.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.purgedeck.fastly.ApiToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of the Fastly CLI's {@code config.toml}: its named tokens ({@code [auth.tokens.NAME]}, CLI v11+)
 * and its older profiles ({@code [profile.NAME]}, and the still older {@code [user]}). PurgeDeck never writes it.
 */
public final class FastlyCliConfig {
    private static final int MAX_BYTES = 1 << 20;
    private static final TomlMapper TOML = new TomlMapper();

    private final Path file;
    private final List<CliToken> tokens;
    private final String problem;
    private final List<String> notes;

    private FastlyCliConfig(Path file, List<CliToken> tokens, String problem, List<String> notes) {
        this.file = file;
        this.tokens = List.copyOf(tokens);
        this.problem = problem;
        this.notes = List.copyOf(notes);
    }

    /**
     * One usable token from the file.
     *
     * @param name      the CLI's name for it (what {@code fastly --token NAME} or {@code --profile NAME} takes)
     * @param email     the account's email, or "" when the file does not say
     * @param token     the token, masked in {@code toString}
     * @param endpoint  the file's {@code [fastly] api_endpoint} when it is not the Fastly API, else null; the CLI keeps
     *                  one endpoint for all its tokens
     * @param isDefault whether the CLI uses it when no token is named
     * @param format    {@code "auth"}, {@code "profile"} or {@code "user"}: the section it came from
     * @param expiresAt when the file says it expires, or null
     * @param endpointProblem why the file's {@code api_endpoint} is refused, or null; such a token is offered but
     *                  never used, because sending it to another endpoint than the one configured would be wrong
     */
    public record CliToken(String name, String email, ApiToken token, URI endpoint, boolean isDefault, String format,
                           Instant expiresAt, String endpointProblem) {
        @Override
        public String toString() {
            return "CliToken[" + name + ", " + format + (isDefault ? ", default" : "") + ", " + token + "]";
        }
    }

    /**
     * Where the Fastly CLI keeps its config: Go's {@code os.UserConfigDir()} plus {@code fastly/config.toml}, and the
     * CLI's own fallback {@code ~/.fastly/config.toml} when there is no config folder.
     */
    public static Path defaultLocation(Map<String, String> env, String osName, String userHome) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData == null || appData.isBlank() ? Path.of(userHome, ".fastly", "config.toml")
                    : Path.of(appData, "fastly", "config.toml");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Path.of(userHome, "Library", "Application Support", "fastly", "config.toml");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // Like Go, a relative XDG_CONFIG_HOME is not used.
        return xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg, "fastly", "config.toml")
                : Path.of(userHome, ".config", "fastly", "config.toml");
    }

    /** Reads the file; never throws. A missing file simply has no tokens; anything wrong is told by {@link #problem()}. */
    public static FastlyCliConfig read(Path file) {
        return read(file, Clock.systemUTC());
    }

    /** As {@link #read(Path)}, judging expiry times by {@code clock}. */
    public static FastlyCliConfig read(Path file, Clock clock) {
        if (file == null || !Files.exists(file)) {
            return new FastlyCliConfig(file, List.of(), null, List.of());
        }
        String what = "The Fastly CLI's config file (" + file + ")";
        JsonNode root;
        try {
            if (!Files.isRegularFile(file)) {
                return failed(file, what + " is not a regular file, so it was not read.");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1); // bounded, even if the file grows while being read
            }
            if (bytes.length > MAX_BYTES) {
                return failed(file, what + " is larger than 1 MB, too large to be one; it was not read.");
            }
            root = TOML.readTree(bytes);
        } catch (JsonProcessingException e) {
            // Only the line: the parser's message could quote the broken line, which may hold a token.
            return failed(file, what + " is not valid TOML" + JsonFiles.where(e.getLocation())
                    + ", so its tokens are not offered. Fix that line in a text editor: the Fastly CLI's own repair"
                    + " replaces the whole file and loses its tokens.");
        } catch (AccessDeniedException e) {
            return failed(file, what + " may not be read by PurgeDeck, so its tokens are not offered.");
        } catch (IOException | RuntimeException e) {
            return failed(file, what + " could not be read, so its tokens are not offered.");
        }
        CliConfigParser parsed = CliConfigParser.parse(root == null ? TOML.createObjectNode() : root, clock.instant());
        return new FastlyCliConfig(file, parsed.tokens(), null, parsed.notes());
    }

    private static FastlyCliConfig failed(Path file, String problem) {
        return new FastlyCliConfig(file, List.of(), problem, List.of());
    }

    public Path file() {
        return file;
    }

    /** Named tokens and legacy profiles with a usable token: the CLI's default first, then by section and name. */
    public List<CliToken> tokens() {
        return tokens;
    }

    /** Why the file as a whole could not be used, in plain words. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Entries that were skipped and settings that were ignored, each with the reason, in plain words. */
    public List<String> notes() {
        return notes;
    }

    /** The token the CLI knows by {@code name}. */
    public Optional<CliToken> token(String name) {
        return tokens.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return "FastlyCliConfig[" + file + ", " + tokens.size() + " tokens" + (problem == null ? "" : ", unusable") + "]";
    }
}
