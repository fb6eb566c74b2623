package dev.purgedeck.cli;

import dev.purgedeck.fastly.ApiToken;
import dev.purgedeck.fastly.SandboxAdmin;
import dev.purgedeck.files.Json;
import dev.purgedeck.history.JobRecording;
import dev.purgedeck.settings.Connection;
import dev.purgedeck.settings.EndpointKind;
import dev.purgedeck.settings.Endpoints;
import dev.purgedeck.settings.EnvironmentConnection;
import dev.purgedeck.settings.FastlyCliConfig;
import dev.purgedeck.settings.InvalidEndpointException;
import dev.purgedeck.settings.Profile;
import dev.purgedeck.settings.ProfileStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the endpoint and token a command uses, from the same sources as the window: {@code --profile NAME}; else
 * FASTLY_API_TOKEN with FASTLY_API_ENDPOINT, as the Fastly CLI reads them; else the profile the window uses, when it
 * has a token.
 */
final class ConnectionResolver {
    static final String NO_TOKEN = "no Fastly token configured: set FASTLY_API_TOKEN or use --profile NAME";
    static final String ENVIRONMENT = "Environment";
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_\\-]{24,}");

    private ConnectionResolver() {
    }

    /**
     * Where to send purges and with which token.
     *
     * @param profile the profile's name as recorded in the history
     */
    record Resolved(String profile, Connection connection) {
        /** Where the purges go, as the history records it. */
        JobRecording.Origin origin() {
            return new JobRecording.Origin(profile, connection.kindId(), connection.endpoint().toString());
        }
    }

    static Resolved resolve(CliContext ctx, String profileName) {
        Resolved r;
        try {
            if (profileName != null) {
                ProfileStore store = store(ctx);
                r = fromProfile(ctx, store, find(store, profileName));
            } else {
                r = implicit(ctx);
            }
        } catch (InvalidEndpointException e) {
            throw CliFailure.usage("the endpoint is refused: " + e.getMessage() + "; nothing was sent");
        } catch (IllegalArgumentException e) {
            // A token that cannot travel in a header (ApiToken says why, without its value).
            throw CliFailure.usage(e.getMessage() + " Nothing was sent.");
        }
        ctx.useToken(r.connection().token());
        return r;
    }

    private static Resolved implicit(CliContext ctx) {
        Optional<Connection> env;
        try {
            env = EnvironmentConnection.resolve(ctx.env());
        } catch (InvalidEndpointException e) {
            throw CliFailure.usage("FASTLY_API_ENDPOINT is refused: " + e.getMessage());
        }
        if (env.isPresent()) {
            return new Resolved(ENVIRONMENT, env.get());
        }
        ProfileStore store = store(ctx);
        Profile active = store.active();
        if (active.endpointKind() == EndpointKind.SANDBOX) {
            return fromProfile(ctx, store, active);
        }
        if (store.tokenFor(active).isEmpty()) {
            throw CliFailure.usage(NO_TOKEN + " (the profile '" + active.name()
                    + "' the window uses has no token available)");
        }
        return fromProfile(ctx, store, active);
    }

    private static Resolved fromProfile(CliContext ctx, ProfileStore store, Profile p) {
        if (p.endpointKind() == EndpointKind.SANDBOX) {
            return sandbox(ctx, p);
        }
        if (store.tokenFor(p).isEmpty()) {
            throw CliFailure.usage("the profile '" + p.name()
                    + "' has no token available now: set FASTLY_API_TOKEN or use another --profile");
        }
        try {
            return new Resolved(p.name(), store.connectionFor(p, null, null));
        } catch (IllegalStateException e) {
            // E.g. the Fastly CLI's api_endpoint is refused: stop rather than send the token somewhere else.
            throw CliFailure.usage("the profile '" + p.name() + "' cannot be used: " + e.getMessage());
        }
    }

    /**
     * The window's sandbox lives only as long as the window; a one-shot command can use a sandbox only when told
     * where one runs ({@code purgedeck sandbox} prints its address), and then uses its demo token.
     */
    private static Resolved sandbox(CliContext ctx, Profile p) {
        String endpoint = ctx.env(EnvironmentConnection.ENDPOINT).orElseThrow(() -> CliFailure.usage(NO_TOKEN));
        URI uri;
        try {
            uri = Endpoints.validateCustom(endpoint);
        } catch (InvalidEndpointException e) {
            throw CliFailure.usage("FASTLY_API_ENDPOINT is refused: " + e.getMessage());
        }
        if (!Endpoints.isLoopback(uri)) {
            throw CliFailure.usage(NO_TOKEN + " (the Sandbox profile needs FASTLY_API_ENDPOINT to point at a sandbox "
                    + "on this computer)");
        }
        ApiToken token = ctx.env(EnvironmentConnection.TOKEN).map(ApiToken::of).orElseGet(() -> demoToken(uri));
        return new Resolved(p.name(), new Connection(Connection.Kind.SANDBOX, uri, token));
    }

    /** The sandbox's own global demo token, asked of the sandbox over HTTP (it takes no token to ask). */
    private static ApiToken demoToken(URI sandbox) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            return new SandboxAdmin(http, Json.newMapper(), sandbox).globalToken().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.usage("interrupted while asking the sandbox at " + sandbox + " for its demo token");
        } catch (ExecutionException | TimeoutException e) {
            throw CliFailure.usage("no PurgeDeck sandbox answers at " + sandbox + " (FASTLY_API_ENDPOINT); start one "
                    + "with `purgedeck sandbox`, or set FASTLY_API_TOKEN");
        }
    }

    private static ProfileStore store(CliContext ctx) {
        return ProfileStore.open(ctx.dataDir(), ctx.env(), FastlyCliConfig.defaultLocation(ctx.env(),
                System.getProperty("os.name", ""), ctx.home()));
    }

    /** Exact name first, then ignoring case, then a Fastly CLI token by its own name. */
    private static Profile find(ProfileStore store, String name) {
        List<Profile> all = store.profiles();
        return store.find(name)
                .or(() -> unique(all.stream().filter(p -> p.name().equalsIgnoreCase(name)).toList()))
                .or(() -> unique(all.stream().filter(p -> p.name().equalsIgnoreCase("Fastly CLI: " + name)).toList()))
                .orElseThrow(() -> CliFailure.usage("there is no profile named " + shown(name) + "; the profiles are: "
                        + all.stream().map(Profile::name).collect(Collectors.joining(", "))));
    }

    /** A token pasted into --profile by mistake must not be echoed to a CI log. */
    private static String shown(String name) {
        return TOKEN_LIKE.matcher(name).matches() ? "like that (not shown: it looks like a token)"
                : TerminalText.quoted(name);
    }

    private static Optional<Profile> unique(List<Profile> matches) {
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
