package dev.purgedeck.fastly;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What Fastly last said about the hourly API rate limit.
 *
 * @param remaining requests left in the window, when known
 * @param reset     when the window resets, when known
 */
public record RateLimitState(OptionalLong remaining, Optional<Instant> reset) {
    public static final RateLimitState UNKNOWN = new RateLimitState(OptionalLong.empty(), Optional.empty());

    /** Reads {@code Fastly-RateLimit-Remaining} and {@code Fastly-RateLimit-Reset}; empty when neither is present. */
    public static Optional<RateLimitState> from(HttpHeaders headers) {
        OptionalLong remaining = number(headers, "Fastly-RateLimit-Remaining");
        OptionalLong reset = number(headers, "Fastly-RateLimit-Reset");
        if (remaining.isEmpty() && reset.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RateLimitState(remaining,
                reset.isPresent() ? Optional.of(Instant.ofEpochSecond(reset.getAsLong())) : Optional.empty()));
    }

    private static OptionalLong number(HttpHeaders headers, String name) {
        // allValues, not firstValue's stream and a lambda: every answer of a job is read here, the first ones on
        // several threads at once (docs/performance.md §13).
        java.util.List<String> values = headers.allValues(name);
        try {
            return values.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(values.get(0).trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
