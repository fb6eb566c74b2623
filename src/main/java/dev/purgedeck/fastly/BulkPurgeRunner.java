package dev.purgedeck.fastly;

import dev.purgedeck.files.RandomUuids;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/** Runs purge jobs of many URLs or keys on a {@link FastlyClient} with bounded concurrency, progress and cancel. */
public final class BulkPurgeRunner {
    private final FastlyClient client;
    private final Executor cancelling;

    /** A runner whose cancellations complete the jobs' outcomes on the common pool. */
    public BulkPurgeRunner(FastlyClient client) {
        this(client, ForkJoinPool.commonPool());
    }

    /**
     * @param cancelling where a cancel completes the requests in flight and the items not yet sent; their
     *                   listeners run there, never on the thread that pressed Cancel (the UI thread)
     */
    public BulkPurgeRunner(FastlyClient client, Executor cancelling) {
        this.client = client;
        this.cancelling = cancelling;
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
        PurgeJob job = new PurgeJob(jobId, request, client, listener, cancelling);
        job.begin();
        return job;
    }

    /** A fresh, unique job ID. */
    public static String newJobId() {
        return RandomUuids.next().toString();
    }
}
