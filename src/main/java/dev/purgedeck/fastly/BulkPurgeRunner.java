package dev.purgedeck.fastly;

import java.util.UUID;

/** Runs purge jobs of many URLs or keys on a {@link FastlyClient} with bounded concurrency, progress and cancel. */
public final class BulkPurgeRunner {
    private final FastlyClient client;

    public BulkPurgeRunner(FastlyClient client) {
        this.client = client;
    }

    public FastlyClient client() {
        return client;
    }

    /** Starts the job at once and returns its handle; the listener hears each item as it ends. */
    public PurgeJob start(JobRequest request, JobListener listener) {
        PurgeJob job = new PurgeJob(UUID.randomUUID().toString(), request, client, listener);
        job.begin();
        return job;
    }
}
