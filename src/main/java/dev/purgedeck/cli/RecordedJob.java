package dev.purgedeck.cli;

import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.JobListener;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.JobResult;
import dev.purgedeck.fastly.PurgeJob;
import dev.purgedeck.history.HistoryListener;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.history.JobContext;
import dev.purgedeck.history.Unrecorded;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a job on the bulk runner and writes each batch of outcomes to the shared history the moment it is known, as
 * the window does; a window that is open picks the lines up by itself. Ctrl+C cancels what is left, so every item
 * still ends in the history (the unsent ones as cancelled).
 */
final class RecordedJob {
    private RecordedJob() {
    }

    /** The finished job, and the outcomes that did not reach the history (none when all did). */
    record Finished(JobResult result, Unrecorded unrecorded) {
        boolean recorded() {
            return unrecorded.entries().isEmpty();
        }
    }

    static Finished run(CliContext ctx, BulkPurgeRunner runner, JobRequest request, JobContext job) {
        HistoryStore store;
        try {
            store = HistoryStore.open(ctx.historyFile());
        } catch (IOException | RuntimeException e) {
            throw CliFailure.usage("the purge history " + ctx.historyFile() + " cannot be opened (" + e.getMessage()
                    + "); nothing was purged");
        }
        try (store) {
            Unrecorded unrecorded = new Unrecorded();
            JobListener recorder = new HistoryListener(store, job, e -> ctx.warn("purgedeck: the purge goes on, but"
                    + " it could not be written to the history " + store.file() + ": " + e.getMessage()), unrecorded);
            PurgeJob running = runner.start(job.jobId(), request, recorder);
            Thread onInterrupt = new Thread(() -> cancelAndWait(running), "purgedeck-cli-cancel");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                // A job's result completes only after every listener call has returned: every batch is written.
                JobResult result = running.result().get();
                return new Finished(result, unrecorded);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelAndWait(running);
                throw CliFailure.failed("interrupted; the items not yet purged were cancelled");
            } catch (ExecutionException e) {
                throw new IllegalStateException("a purge job never fails as a whole", e);
            } finally {
                removeHook(onInterrupt);
            }
        }
    }

    /** Cancels what is left and waits a moment for the cancelled items to be written. */
    private static void cancelAndWait(PurgeJob job) {
        job.cancel();
        try {
            job.result().get(3, TimeUnit.SECONDS);
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
