package dev.purgedeck.history;

import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.JobListener;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records a job in the history as it runs: each batch of outcomes in one append the moment it is known, a flush
 * when the last item ends. A failed write never stops the purge; {@code onFailure} hears of it once per job.
 */
public final class HistoryListener implements JobListener {
    private final HistoryStore store;
    private final JobContext context;
    private final Consumer<Exception> onFailure;
    private volatile boolean failed;
    private final java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();

    public HistoryListener(HistoryStore store, JobContext context, Consumer<Exception> onFailure) {
        this.store = store;
        this.context = context;
        this.onFailure = onFailure;
    }

    @Override
    public void onItem(ItemOutcome outcome, int done, int total) {
        onItems(List.of(outcome), done, total);
    }

    @Override
    public void onItems(List<ItemOutcome> outcomes, int done, int total) {
        try {
            store.append(outcomes.stream().map(context::entry).toList());
            // Batches end on several threads: flush after the last one is written, not when the last one ends.
            if (written.addAndGet(outcomes.size()) == total) {
                store.flush();
            }
        } catch (IOException | RuntimeException e) {
            if (!failed) {
                failed = true;
                onFailure.accept(e);
            }
        }
    }
}
