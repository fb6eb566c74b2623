package dev.purgedeck.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@link FaultSettings} in the snake_case JSON of {@code /_sandbox/faults}; durations as {@code *_ms} numbers. */
final class FaultJson {
    private static final Set<String> FIELDS = Set.of("latency_ms", "latency_jitter_ms", "error_rate", "error_status",
            "rate_limit_after", "rate_limit_reset_ms", "retry_after_seconds", "drop_rate", "malformed_rate");

    private FaultJson() {
    }

    static Map<String, Object> toJson(FaultSettings f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("latency_ms", f.latency().toMillis());
        m.put("latency_jitter_ms", f.latencyJitter().toMillis());
        m.put("error_rate", f.errorRate());
        m.put("error_status", f.errorStatus());
        m.put("rate_limit_after", f.rateLimitAfter());
        m.put("rate_limit_reset_ms", f.rateLimitReset().toMillis());
        m.put("retry_after_seconds", f.retryAfterSeconds());
        m.put("drop_rate", f.dropRate());
        m.put("malformed_rate", f.malformedRate());
        return m;
    }

    /**
     * Reads a full replacement: omitted fields take their {@link FaultSettings#none()} value. Unknown fields are
     * rejected so a typo does not silently inject nothing.
     */
    static FaultSettings fromJson(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field: " + name);
            }
        }
        FaultSettings d = FaultSettings.none();
        return new FaultSettings(
                millis(n, "latency_ms", d.latency()),
                millis(n, "latency_jitter_ms", d.latencyJitter()),
                number(n, "error_rate", d.errorRate()),
                (int) number(n, "error_status", d.errorStatus()),
                optionalInt(n, "rate_limit_after"),
                millis(n, "rate_limit_reset_ms", d.rateLimitReset()),
                optionalInt(n, "retry_after_seconds"),
                number(n, "drop_rate", d.dropRate()),
                number(n, "malformed_rate", d.malformedRate()));
    }

    private static Duration millis(JsonNode n, String field, Duration fallback) {
        return n.hasNonNull(field) ? Duration.ofMillis((long) number(n, field, 0)) : fallback;
    }

    private static double number(JsonNode n, String field, double fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return v.asDouble();
    }

    private static Integer optionalInt(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        return v.asInt();
    }
}
