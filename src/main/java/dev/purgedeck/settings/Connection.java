package dev.purgedeck.settings;

import dev.purgedeck.fastly.ApiToken;
import dev.purgedeck.fastly.ClientConfig;
import java.net.URI;
import java.util.Locale;

/**
 * Where PurgeDeck sends purges and with which token.
 *
 * @param kind     the Fastly API, the embedded sandbox, or a custom endpoint
 * @param endpoint the API base URL
 * @param token    the token, never shown in {@code toString}
 */
public record Connection(Kind kind, URI endpoint, ApiToken token) {
    /** Fastly's real-time stats host: unlike the rest of the API, not api.fastly.com (docs/fastly-edge.md §5.1). */
    public static final URI FASTLY_REALTIME = URI.create("https://rt.fastly.com");

    public Connection {
        // The last gate before a token leaves: whatever produced the endpoint, plain http goes to this computer only.
        if (endpoint != null && "http".equalsIgnoreCase(endpoint.getScheme()) && !Endpoints.isLoopback(endpoint)) {
            throw new InvalidEndpointException(Endpoints.HTTP_OFF_LOOPBACK);
        }
    }

    /**
     * Where the real-time stats of this connection live: rt.fastly.com for Fastly, {@code /rt} under the endpoint
     * for the sandbox and for a custom endpoint (which is expected to mirror the sandbox's layout).
     */
    public URI realtimeEndpoint() {
        if (kind == Kind.FASTLY) {
            return FASTLY_REALTIME;
        }
        return URI.create(endpoint.toString().replaceAll("/+$", "") + "/rt");
    }

    /** The three kinds of endpoint, each with the badge text the window shows. */
    public enum Kind {
        FASTLY("Fastly API"), SANDBOX("Sandbox"), CUSTOM("Custom endpoint");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Kind for an endpoint given by the user: the Fastly API when it is api.fastly.com, custom otherwise. */
    public static Kind kindOf(URI endpoint) {
        return ClientConfig.FASTLY_API.getHost().equalsIgnoreCase(endpoint.getHost()) ? Kind.FASTLY : Kind.CUSTOM;
    }

    /** The kind as the history records it: {@code fastly}, {@code sandbox} or {@code custom}. */
    public String kindId() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Connection[" + kind + ", " + endpoint + ", " + token + "]";
    }
}
