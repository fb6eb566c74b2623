package dev.purgedeck.fastly;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a request again. Server errors, timeouts and dropped connections are retried up to
 * {@code maxAttempts} with exponential backoff and full jitter; a 429 waits for the rate-limit reset when that is at
 * most {@code maxRateLimitWait} away; other 4xx answers are final.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRateLimitWait,
                          int maxRateLimitWaits) {
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ofSeconds(60), 3);
    /** One attempt, no waiting: for checks where the user wants an answer now. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** A copy with a different cap on how long a 429 may be waited out. */
    public RetryPolicy withMaxRateLimitWait(Duration wait) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, wait, maxRateLimitWaits);
    }

    /** The pause before attempt {@code nextAttempt} (2, 3, …): random in [d/2, d] where d doubles each time. */
    public Duration backoff(int nextAttempt) {
        long base = baseDelay.toMillis();
        if (base <= 0) {
            return Duration.ZERO;
        }
        long d = Math.min(maxDelay.toMillis(), base << Math.min(20, nextAttempt - 2));
        return Duration.ofMillis(d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1));
    }
}
