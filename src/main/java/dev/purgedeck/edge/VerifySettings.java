package dev.purgedeck.edge;

import java.time.Duration;

/**
 * How PurgeDeck looks at pages after a purge.
 *
 * @param concurrency page fetches in flight at once, for all the items of a job together
 * @param urlWait     the wait after a URL or key purge before the first look (Fastly: about 150 ms, see
 *                    docs/fastly-api.md §13)
 * @param allWait     the wait after a purge-all (Fastly: 10 to 20 s)
 * @param lookAgain   the pause before looking again at a page a soft purge serves stale
 * @param looks       how many looks a page gets at most (the first one included)
 * @param fetchTimeout the longest one look may take before it counts as "no answer"
 */
public record VerifySettings(int concurrency, Duration urlWait, Duration allWait, Duration lookAgain, int looks,
                             Duration fetchTimeout) {
    /** What the window and the command line use. */
    public static final VerifySettings DEFAULT = new VerifySettings(16, Duration.ofMillis(150), Duration.ofSeconds(20),
            Duration.ofSeconds(1), 4, Duration.ofSeconds(20));

    public VerifySettings {
        if (concurrency < 1 || looks < 1 || urlWait.isNegative() || allWait.isNegative() || lookAgain.isNegative()
                || fetchTimeout.isNegative() || fetchTimeout.isZero()) {
            throw new IllegalArgumentException("verification settings must be positive");
        }
    }

    /** The same settings with another number of fetches in flight. */
    public VerifySettings withConcurrency(int n) {
        return new VerifySettings(n, urlWait, allWait, lookAgain, looks, fetchTimeout);
    }

    /** The same settings with other waits (tests use short ones). */
    public VerifySettings withWaits(Duration url, Duration all, Duration again) {
        return new VerifySettings(concurrency, url, all, again, looks, fetchTimeout);
    }
}
