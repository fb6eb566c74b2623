package dev.purgedeck.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * One API request as the sandbox received it.
 *
 * @param at              when it arrived
 * @param method          the HTTP method, e.g. {@code POST} or {@code PURGE}
 * @param rawPathAndQuery the request target as sent (absolute form for proxy-style PURGE requests)
 * @param headers         lower-case header names; tokens are masked, never stored
 * @param body            the body as UTF-8 text (truncated when large)
 */
public record RecordedRequest(Instant at, String method, String rawPathAndQuery, Map<String, String> headers,
        String body) {

    /** Copies the header map so the record stays immutable. */
    public RecordedRequest {
        headers = Map.copyOf(headers);
    }
}
