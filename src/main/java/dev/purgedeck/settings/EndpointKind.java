package dev.purgedeck.settings;

import java.net.URI;

/** Where a profile sends its requests: the Fastly API, the embedded sandbox, or a custom endpoint. */
public enum EndpointKind {
    FASTLY, SANDBOX, CUSTOM;

    /** The matching kind of {@link Connection}, which carries the badge text the window shows. */
    public Connection.Kind connectionKind() {
        return Connection.Kind.valueOf(name());
    }

    /** The Fastly API when the endpoint is api.fastly.com, custom otherwise. */
    static EndpointKind of(URI endpoint) {
        return Connection.kindOf(endpoint) == Connection.Kind.FASTLY ? FASTLY : CUSTOM;
    }
}
