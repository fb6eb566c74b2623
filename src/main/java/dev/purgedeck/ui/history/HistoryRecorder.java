package dev.purgedeck.ui.history;

import dev.purgedeck.fastly.JobListener;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.history.HistoryListener;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.history.JobContext;
import dev.purgedeck.history.Unrecorded;
import dev.purgedeck.ui.purge.JobRecorder;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Writes every item of every console job to the history the moment its outcome is known, on the client's thread
 * and before the UI hears of it. A failed write never stops the purge: the user is told once per job.
 */
public final class HistoryRecorder implements JobRecorder {
    private static final System.Logger LOG = System.getLogger(HistoryRecorder.class.getName());

    private final HistoryStore store;
    private final BiFunction<String, JobRequest, JobContext> contextFor;
    private final Consumer<String> problem;
    /** Shared by every job of the window, so what one job could not write is tried again by the next. */
    private final Unrecorded unrecorded = new Unrecorded();

    /**
     * @param contextFor builds a job's context (service name, endpoint, user…) from its ID and request
     * @param problem    told, on any thread, when the history could not be written
     */
    public HistoryRecorder(HistoryStore store, BiFunction<String, JobRequest, JobContext> contextFor,
                           Consumer<String> problem) {
        this.store = store;
        this.contextFor = contextFor;
        this.problem = problem;
    }

    @Override
    public JobListener begin(String jobId, JobRequest request) {
        return new HistoryListener(store, contextFor.apply(jobId, request), e -> {
            LOG.log(System.Logger.Level.ERROR, "Could not write the purge history", e);
            problem.accept("The purge goes on, but the history could not be written (" + e.getMessage() + "). The"
                    + " outcomes are kept in this window and written with the next purge; free some disk space and"
                    + " do not close PurgeDeck before then.");
        }, unrecorded);
    }

    /** What could not be written to the history yet (kept in memory, retried with the next write). */
    public Unrecorded unrecorded() {
        return unrecorded;
    }
}
