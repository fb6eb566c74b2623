package dev.purgedeck.settings;

import java.net.URI;
import java.util.Objects;

/**
 * A named way to connect: an endpoint and where its token comes from. It holds no token value, so it may be shown,
 * logged and saved freely.
 *
 * @param name         unique among the profiles, shown in the profile switcher
 * @param endpointKind the Fastly API, the sandbox, or a custom endpoint
 * @param endpoint     the API base URL; null for the sandbox, whose address is only known while it runs
 * @param token        where the token comes from
 * @param description  one line for the switcher, e.g. "Fastly CLI token (alice@example.com), its default"
 */
public record Profile(String name, EndpointKind endpointKind, URI endpoint, TokenRef token, String description) {
    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpointKind, "endpointKind");
        Objects.requireNonNull(token, "token");
        if ((endpointKind == EndpointKind.SANDBOX) != (endpoint == null)) {
            throw new IllegalArgumentException("Only the sandbox profile has no endpoint address.");
        }
        description = description == null ? "" : description;
    }

    public Profile(String name, EndpointKind endpointKind, URI endpoint, TokenRef token) {
        this(name, endpointKind, endpoint, token, "");
    }

    /** Whether the user added this profile in PurgeDeck (and so may remove it); the others are discovered. */
    public boolean userSaved() {
        return token.source() == TokenRef.Source.STORED;
    }
}
