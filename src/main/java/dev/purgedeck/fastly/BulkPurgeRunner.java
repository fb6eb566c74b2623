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
        return start(newJobId(), request, listener);
    }

    /** Starts a job with an ID the caller chose, e.g. to record it before the first outcome arrives. */
    public PurgeJob start(String jobId, JobRequest request, JobListener listener) {
        PurgeJob job = new PurgeJob(jobId, request, client, listener);
        job.begin();
        return job;
    }

    /** A fresh, unique job ID. */
    public static String newJobId() {
        return UUID.randomUUID().toString();
    }
}
