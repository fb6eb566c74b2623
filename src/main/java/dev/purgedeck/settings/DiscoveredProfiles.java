package dev.purgedeck.settings;

import dev.purgedeck.fastly.ClientConfig;
import dev.purgedeck.settings.FastlyCliConfig.CliToken;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The profiles PurgeDeck finds rather than stores: the environment's token, the Fastly CLI's tokens, the sandbox. */
final class DiscoveredProfiles {
    static final String ENVIRONMENT = "Environment";
    static final String SANDBOX = "Sandbox";
    static final String CLI_PREFIX = "Fastly CLI: ";

    private DiscoveredProfiles() {
    }

    static List<Profile> find(Map<String, String> env, FastlyCliConfig cli, List<String> problems) {
        List<Profile> out = new ArrayList<>();
        environment(env, problems).ifPresent(out::add);
        cli.problem().ifPresent(problems::add);
        problems.addAll(cli.notes());
        for (CliToken t : cli.tokens()) {
            // The CLI would also point its tokens at FASTLY_API_ENDPOINT; here that variable belongs to
            // FASTLY_API_TOKEN alone, so a profile named after a CLI token talks to the CLI's endpoint.
            URI endpoint = t.endpoint() == null ? ClientConfig.FASTLY_API : t.endpoint();
            String who = t.email().isBlank() ? "" : " (" + t.email() + ")";
            EndpointKind kind = t.endpointProblem() != null ? EndpointKind.CUSTOM : EndpointKind.of(endpoint);
            out.add(new Profile(CLI_PREFIX + t.name(), kind, endpoint, TokenRef.fastlyCli(t.name()),
                    "Fastly CLI token" + who + (t.isDefault() ? ", the CLI's default" : "")
                            + (t.endpointProblem() != null ? "; unusable: its api_endpoint is refused" : "")));
        }
        out.add(sandbox());
        return out;
    }

    static Profile sandbox() {
        return new Profile(SANDBOX, EndpointKind.SANDBOX, null, TokenRef.sandboxDemo(),
                "The built-in sandbox: an emulated Fastly account on this computer");
    }

    /** Whether a user-chosen name could ever collide with a discovered one. */
    static boolean reserved(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals(ENVIRONMENT.toLowerCase(Locale.ROOT)) || n.equals(SANDBOX.toLowerCase(Locale.ROOT))
                || n.startsWith(CLI_PREFIX.strip().toLowerCase(Locale.ROOT));
    }

    private static Optional<Profile> environment(Map<String, String> env, List<String> problems) {
        try {
            if (EnvironmentConnection.token(env).isEmpty()) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            problems.add("FASTLY_API_TOKEN is refused: " + e.getMessage());
            return Optional.empty();
        }
        try {
            URI endpoint = EnvironmentConnection.endpoint(env);
            boolean custom = !env.getOrDefault(EnvironmentConnection.ENDPOINT, "").isBlank();
            return Optional.of(new Profile(ENVIRONMENT, EndpointKind.of(endpoint), endpoint, TokenRef.environment(),
                    custom ? "FASTLY_API_TOKEN and FASTLY_API_ENDPOINT from the environment"
                            : "FASTLY_API_TOKEN from the environment"));
        } catch (InvalidEndpointException e) {
            problems.add("FASTLY_API_ENDPOINT is refused: " + sentence(e.getMessage()) + " The token in FASTLY_API_TOKEN"
                    + " is not offered until it is fixed.");
            return Optional.empty();
        }
    }

    static String sentence(String message) {
        return message.endsWith(".") ? message : message + ".";
    }
}
