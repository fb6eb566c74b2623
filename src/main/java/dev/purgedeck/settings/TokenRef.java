package dev.purgedeck.settings;

import java.util.Objects;

/**
 * Where a profile's token comes from; it names the token, it never holds its value.
 *
 * @param source where to look
 * @param name   the variable ({@code FASTLY_API_TOKEN}), the Fastly CLI's token or profile name, the PurgeDeck profile
 *               whose typed token is stored, or {@code "demo"} for the sandbox
 */
public record TokenRef(Source source, String name) {
    /** The places a token can come from. */
    public enum Source { ENVIRONMENT, FASTLY_CLI, STORED, SANDBOX_DEMO }

    public TokenRef {
        Objects.requireNonNull(source, "source");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A token reference needs a name.");
        }
    }

    public static TokenRef environment() {
        return new TokenRef(Source.ENVIRONMENT, EnvironmentConnection.TOKEN);
    }

    public static TokenRef fastlyCli(String cliName) {
        return new TokenRef(Source.FASTLY_CLI, cliName);
    }

    public static TokenRef stored(String profileName) {
        return new TokenRef(Source.STORED, profileName);
    }

    /** The running sandbox's demo token, which only the app knows (it changes with each sandbox). */
    public static TokenRef sandboxDemo() {
        return new TokenRef(Source.SANDBOX_DEMO, "demo");
    }
}
