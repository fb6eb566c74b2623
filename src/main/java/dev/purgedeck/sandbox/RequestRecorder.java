package dev.purgedeck.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Turns a request into a {@link RecordedRequest} with every credential masked. */
final class RequestRecorder {
    static final int MAX_BODY_CHARS = 64 * 1024;
    private static final Set<String> SECRET_HEADERS = Set.of("fastly-key", "authorization", "cookie",
            "proxy-authorization");

    private RequestRecorder() {
    }

    static RecordedRequest record(ApiExchange ex, Instant at) {
        Map<String, String> headers = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : ex.requestHeaders().entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            String value = String.join(", ", e.getValue());
            headers.put(name, SECRET_HEADERS.contains(name) ? Mask.token(value) : value);
        }
        String body = new String(ex.body(), StandardCharsets.UTF_8);
        if (body.length() > MAX_BODY_CHARS) {
            body = body.substring(0, MAX_BODY_CHARS);
        }
        return new RecordedRequest(at, ex.method(), ex.uri().toString(), headers, body);
    }
}
