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

    /** The connection when a token is set; empty means none is configured (the app then uses its sandbox). */
    public static Optional<Connection> resolve(Map<String, String> env) {
        String token = env.get(TOKEN);
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String endpointText = env.getOrDefault(ENDPOINT, "");
        URI endpoint = endpointText.isBlank() ? ClientConfig.FASTLY_API : URI.create(endpointText.strip());
        return Optional.of(new Connection(Connection.kindOf(endpoint), endpoint, ApiToken.of(token)));
    }

    /** The service to preselect, when FASTLY_SERVICE_ID is set. */
    public static Optional<String> serviceId(Map<String, String> env) {
        String id = env.get(SERVICE_ID);
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(id.strip());
    }
}
