package dev.purgedeck.fastly;

import java.util.concurrent.CompletableFuture;

/** A purge job as its caller sees it: once or twice, it has an ID, can be cancelled and ends with every outcome. */
public interface RunningPurge {
    String id();

    /** Stops what has not been sent; returns at once. */
    void cancel();

    /** Completes when every item has its (final) outcome; it never completes exceptionally. */
    CompletableFuture<JobResult> result();
}
