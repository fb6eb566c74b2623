package dev.purgedeck.fastly;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the client talks to Fastly.
 *
 * @param endpoint       API base URL, {@code https://api.fastly.com} by default
 * @param token          the API token, or null to send none (URL purges may be unauthenticated)
 * @param userAgent      the {@code User-Agent} header, naming PurgeDeck and its version
 * @param requestTimeout how long one request may take before it counts as timed out
 * @param retry          the retry and rate-limit policy
 */
public record ClientConfig(URI endpoint, ApiToken token, String userAgent, Duration requestTimeout, RetryPolicy retry) {
    public static final URI FASTLY_API = URI.create("https://api.fastly.com");

    public ClientConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        String s = endpoint.toString();
        endpoint = s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : endpoint;
        userAgent = userAgent == null ? "PurgeDeck" : userAgent;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
    }

    /** A config for {@code endpoint} with the given token and defaults for everything else. */
    public static ClientConfig of(URI endpoint, ApiToken token, String userAgent) {
        return new ClientConfig(endpoint, token, userAgent, null, null);
    }

    public ClientConfig withRetry(RetryPolicy policy) {
        return new ClientConfig(endpoint, token, userAgent, requestTimeout, policy);
    }

    public ClientConfig withRequestTimeout(Duration timeout) {
        return new ClientConfig(endpoint, token, userAgent, timeout, retry);
    }

    @Override
    public String toString() {
        return "ClientConfig[endpoint=" + endpoint + ", token=" + token + "]";
    }
}
