package dev.purgedeck.settings;

import dev.purgedeck.fastly.ApiToken;
import dev.purgedeck.fastly.ClientConfig;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Reads the connection the Fastly CLI's environment variables describe: FASTLY_API_TOKEN and FASTLY_API_ENDPOINT. */
public final class EnvironmentConnection {
    public static final String TOKEN = "FASTLY_API_TOKEN";
    public static final String ENDPOINT = "FASTLY_API_ENDPOINT";
    public static final String SERVICE_ID = "FASTLY_SERVICE_ID";

    private EnvironmentConnection() {
    }

    /**
     * The connection when a token is set; empty means none is configured (the app then uses its sandbox).
     *
     * @throws InvalidEndpointException when FASTLY_API_ENDPOINT is refused, e.g. http:// to another computer
     */
    public static Optional<Connection> resolve(Map<String, String> env) {
        return token(env).map(token -> {
            URI endpoint = endpoint(env);
            return new Connection(Connection.kindOf(endpoint), endpoint, token);
        });
    }

    /** FASTLY_API_TOKEN, when set. */
    static Optional<ApiToken> token(Map<String, String> env) {
        String token = env.get(TOKEN);
        return token == null || token.isBlank() ? Optional.empty() : Optional.of(ApiToken.of(token));
    }

    /** FASTLY_API_ENDPOINT checked like any custom endpoint, or the Fastly API when it is not set. */
    static URI endpoint(Map<String, String> env) {
        String text = env.getOrDefault(ENDPOINT, "");
        return text.isBlank() ? ClientConfig.FASTLY_API : Endpoints.validateCustom(text);
    }

    /** The service to preselect, when FASTLY_SERVICE_ID is set. */
    public static Optional<String> serviceId(Map<String, String> env) {
        String id = env.get(SERVICE_ID);
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(id.strip());
    }
}
