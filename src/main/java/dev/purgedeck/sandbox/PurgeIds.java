package dev.purgedeck.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues purge ids in Fastly's observed shape {@code <node>-<epoch>-<counter>} (docs/fastly-api.md §12); the epoch is
 * the server start, like the days-old middle segment seen in real ids.
 */
final class PurgeIds {
    static final int NODE = 7001;

    private final long epochSeconds;
    private final AtomicLong counter = new AtomicLong(100_000);

    PurgeIds(long epochSeconds) {
        this.epochSeconds = epochSeconds;
    }

    String next() {
        return NODE + "-" + epochSeconds + "-" + counter.incrementAndGet();
    }

    /** The {@code X-Served-By} value that names the node in the ids, as cache nodes do. */
    static String servedBy() {
        return "cache-sbx" + NODE + "-SBX";
    }
}
