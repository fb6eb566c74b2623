package dev.purgedeck.cli;

import dev.purgedeck.context.Version;
import dev.purgedeck.edge.PageVerdict;
import dev.purgedeck.edge.PurgeVerifier;
import dev.purgedeck.edge.VerdictListener;
import dev.purgedeck.edge.VerifiedPurge;
import dev.purgedeck.edge.VerifyPlan;
import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.JobResult;
import dev.purgedeck.fastly.PurgeJob;
import dev.purgedeck.fastly.RetryScheduler;
import dev.purgedeck.fastly.RunningPurge;
import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.history.JobContext;
import dev.purgedeck.history.JobRecording;
import dev.purgedeck.history.Unrecorded;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a job on the bulk runner and records it with the core's {@link JobRecording}, as the window does; a window
 * that is open picks the lines up by itself. Ctrl+C cancels what is left, so every item still ends in the history
 * (the unsent ones as cancelled).
 */
final class RecordedJob {
    private RecordedJob() {
    }

    /**
     * The finished job, the context it was recorded with, and the outcomes that did not reach the history (none when
     * all did).
     */
    record Finished(JobResult result, JobContext job, Unrecorded unrecorded, List<PageVerdict> verdicts) {
        boolean recorded() {
            return unrecorded.entries().isEmpty();
        }
    }

    /** A started job and what completes once everything about it is known (null verdicts: not verified). */
    private record Started(RunningPurge job, CompletableFuture<List<PageVerdict>> settled) {
    }

    @FunctionalInterface
    private interface Starter {
        Started start(String jobId, JobRecording.Recording recorder);
    }

    static Finished run(CliContext ctx, BulkPurgeRunner runner, JobRequest request, JobRecording.Origin origin,
                        String serviceName, Duration deadline, Map<String, ServiceInfo> routes) {
        return run(ctx, request, origin, serviceName, routes, (jobId, recorder) -> {
            PurgeJob job = runner.start(jobId, request, recorder);
            job.deadline(deadline);
            return new Started(job, job.result().thenApply(r -> null));
        });
    }

    /**
     * Runs the job as {@code plan} says (twice, verified): each item's history line is written once its outcome is
     * known and its verdict follows as a job note; the verdicts come back in item order.
     */
    static Finished runVerified(CliContext ctx, BulkPurgeRunner runner, JobRequest request,
                                JobRecording.Origin origin, String serviceName, Duration deadline,
                                Map<String, ServiceInfo> routes, VerifyPlan plan, PurgeVerifier verifier) {
        return run(ctx, request, origin, serviceName, routes, (jobId, recorder) -> {
            VerifiedPurge job = VerifiedPurge.start(runner, jobId, request, plan, verifier, RetryScheduler.REAL,
                    ForkJoinPool.commonPool(), recorder, VerdictListener.NONE, (o, v, total) -> {
                        if (v != null) {
                            recorder.onVerdict(o, v.freshness().id(), v.reason(), v.at());
                        }
                    });
            if (deadline != null && !deadline.isZero() && !deadline.isNegative()) {
                CompletableFuture.delayedExecutor(deadline.toMillis(), TimeUnit.MILLISECONDS).execute(job::cancel);
            }
            return new Started(job, job.recorded().thenCompose(x -> plan.verify() ? job.verdicts()
                    : CompletableFuture.completedFuture(null)));
        });
    }

    private static Finished run(CliContext ctx, JobRequest request, JobRecording.Origin origin, String serviceName,
                                Map<String, ServiceInfo> routes, Starter starter) {
        JobRecording recording;
        try {
            recording = JobRecording.open(ctx.dataDir(), Version.get());
        } catch (IOException | RuntimeException e) {
            throw CliFailure.usage("the purge history " + ctx.historyFile() + " cannot be opened (" + e.getMessage()
                    + "); nothing was purged");
        }
        try (recording) {
            JobContext job = recording.context(BulkPurgeRunner.newJobId(), request, origin, serviceName, routes);
            JobRecording.Recording recorder = recording.begin(job, e -> ctx.warn("purgedeck: the purge goes on, "
                    + "but it could not be written to the history " + ctx.historyFile() + ": " + e.getMessage()));
            Started started = starter.start(job.jobId(), recorder);
            RunningPurge running = started.job();
            Thread onInterrupt = new Thread(() -> cancelAndWait(running, recorder), "purgedeck-cli-cancel");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                // The result completes after every outcome was reported; written() then waits for the last write.
                JobResult result = running.result().get();
                List<PageVerdict> verdicts = started.settled().get();
                recorder.written().get();
                return new Finished(result, job, recording.unrecorded(), verdicts);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelAndWait(running, recorder);
                throw CliFailure.failed("interrupted; the items not yet purged were cancelled");
            } catch (ExecutionException e) {
                throw new IllegalStateException("a purge job never fails as a whole", e);
            } finally {
                removeHook(onInterrupt);
            }
        }
    }

    /** Cancels what is left and waits a moment for the cancelled items to be written. */
    private static void cancelAndWait(RunningPurge job, JobRecording.Recording recorder) {
        job.cancel();
        try {
            job.result().get(3, TimeUnit.SECONDS);
            recorder.written().get(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Exiting anyway: what was recorded is on disk (the history writes without buffering).
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down and the hook is running: nothing to remove.
        }
    }
}
