package dev.purgedeck.fastly;

import java.time.Duration;
import java.time.Instant;

/**
 * A pause the client took because Fastly answered 429: how long, and when it sends again.
 *
 * @param pause    the pause (Retry-After, or until the rate-limit window resets)
 * @param resumeAt when the next attempt goes out
 */
public record RateLimitWait(Duration pause, Instant resumeAt) {
}
