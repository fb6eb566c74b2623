package dev.purgedeck.cli;

import dev.purgedeck.context.Version;
import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.JobResult;
import dev.purgedeck.fastly.PurgeJob;
import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.history.JobContext;
import dev.purgedeck.history.JobRecording;
import dev.purgedeck.history.Unrecorded;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
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
    record Finished(JobResult result, JobContext job, Unrecorded unrecorded) {
        boolean recorded() {
            return unrecorded.entries().isEmpty();
        }
    }

    static Finished run(CliContext ctx, BulkPurgeRunner runner, JobRequest request, JobRecording.Origin origin,
                        String serviceName, Duration deadline, Map<String, ServiceInfo> routes) {
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
            PurgeJob running = runner.start(job.jobId(), request, recorder);
            running.deadline(deadline);
            Thread onInterrupt = new Thread(() -> cancelAndWait(running, recorder), "purgedeck-cli-cancel");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                // The result completes after every outcome was reported; written() then waits for the last write.
                JobResult result = running.result().get();
                recorder.written().get();
                return new Finished(result, job, recording.unrecorded());
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
    private static void cancelAndWait(PurgeJob job, JobRecording.Recording recorder) {
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
