package dev.purgedeck.cli;

import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.JobListener;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.JobResult;
import dev.purgedeck.fastly.PurgeJob;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.history.JobContext;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a job on the bulk runner and writes each batch of outcomes to the shared history the moment it is known, as
 * the window does; a window that is open picks the lines up by itself. Ctrl+C cancels what is left, so every item
 * still ends in the history (the unsent ones as cancelled).
 */
final class RecordedJob {
    private RecordedJob() {
    }

    /** The finished job, and whether every outcome reached the history. */
    record Finished(JobResult result, boolean recorded) {
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
            Recorder recorder = new Recorder(ctx, store, job);
            PurgeJob running = runner.start(job.jobId(), request, recorder);
            Thread onInterrupt = new Thread(() -> cancelAndWait(running, recorder), "purgedeck-cli-cancel");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                JobResult result = running.result().get();
                // The job ends with its last outcome, maybe before a listener call on another thread has written its
                // batch; closing the store then would lose that batch.
                recorder.allWritten.get();
                return new Finished(result, !recorder.failed.get());
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
    private static void cancelAndWait(PurgeJob job, Recorder recorder) {
        job.cancel();
        try {
            recorder.allWritten.get(3, TimeUnit.SECONDS);
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

    /** Appends one history line per item, one write per batch; a failed write is told once and never stops the job. */
    private static final class Recorder implements JobListener {
        private final CliContext ctx;
        private final HistoryStore store;
        private final JobContext job;
        private final AtomicBoolean failed = new AtomicBoolean();
        private final AtomicInteger handled = new AtomicInteger();
        private final CompletableFuture<Void> allWritten = new CompletableFuture<>();

        Recorder(CliContext ctx, HistoryStore store, JobContext job) {
            this.ctx = ctx;
            this.store = store;
            this.job = job;
        }

        @Override
        public void onItem(ItemOutcome outcome, int done, int total) {
            onItems(List.of(outcome), done, total);
        }

        @Override
        public void onItems(List<ItemOutcome> outcomes, int done, int total) {
            try {
                store.append(outcomes.stream().map(job::entry).toList());
            } catch (IOException | RuntimeException e) {
                if (failed.compareAndSet(false, true)) {
                    ctx.warn("purgedeck: the purge goes on, but it could not be written to the history "
                            + store.file() + ": " + e.getMessage());
                }
            } finally {
                if (handled.addAndGet(outcomes.size()) == total) {
                    allWritten.complete(null);
                }
            }
        }
    }
}
