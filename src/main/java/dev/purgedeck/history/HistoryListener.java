package dev.purgedeck.history;

import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.JobListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records a job in the history as it runs: each batch of outcomes in one append the moment it is known, a flush
 * when the last item ends. A failed write never stops the purge; {@code onFailure} hears of it once per job, and
 * the outcomes it could not write are kept in an {@link Unrecorded} and tried again with the next write.
 */
public final class HistoryListener implements JobListener {
    private final HistoryStore store;
    private final JobContext context;
    private final Consumer<Exception> onFailure;
    private volatile boolean failed;
    private final java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();

    private final Unrecorded unrecorded;

    public HistoryListener(HistoryStore store, JobContext context, Consumer<Exception> onFailure) {
        this(store, context, onFailure, new Unrecorded());
    }

    /** As above, keeping what cannot be written in {@code unrecorded}, which may be shared by several jobs. */
    public HistoryListener(HistoryStore store, JobContext context, Consumer<Exception> onFailure,
                           Unrecorded unrecorded) {
        this.store = store;
        this.context = context;
        this.onFailure = onFailure;
        this.unrecorded = unrecorded;
    }

    /** What this listener (and others sharing its {@link Unrecorded}) could not write so far. */
    public Unrecorded unrecorded() {
        return unrecorded;
    }

    @Override
    public void onItem(ItemOutcome outcome, int done, int total) {
        onItems(List.of(outcome), done, total);
    }

    @Override
    public void onItems(List<ItemOutcome> outcomes, int done, int total) {
        onEntries(outcomes.stream().map(context::entry).toList(), total);
    }

    /** Records entries of this job built by the caller (e.g. with a verdict); {@code total} is the job's size. */
    public void onEntries(List<HistoryEntry> entries, int total) {
        List<HistoryEntry> batch = new ArrayList<>(unrecorded.drain()); // older outcomes first, as they happened
        batch.addAll(entries);
        try {
            store.append(batch);
        } catch (IOException | RuntimeException e) {
            // A full disk fails the whole append (it is cut back, so no line is torn): write what still fits one
            // entry at a time, in order, and keep the rest, so a batch records as many as single appends would.
            int fitted = batch.size() == 1 ? 0 : appendOneByOne(batch);
            if (fitted < batch.size()) {
                unrecorded.keep(batch.subList(fitted, batch.size()),
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                fail(e);
                return;
            }
        }
        try {
            // Batches end on several threads: flush after the last one is written, not when the last one ends.
            if (written.addAndGet(entries.size()) == total) {
                store.flush();
            }
        } catch (IOException | RuntimeException e) {
            fail(e); // written but perhaps not on disk yet: not kept, since a retry would write them twice
        }
    }

    /** Appends {@code batch} entry by entry until one fails; how many were written. */
    private int appendOneByOne(List<HistoryEntry> batch) {
        for (int i = 0; i < batch.size(); i++) {
            try {
                store.append(List.of(batch.get(i)));
            } catch (IOException | RuntimeException e) {
                return i;
            }
        }
        return batch.size();
    }

    private void fail(Exception e) {
        if (!failed) {
            failed = true;
            onFailure.accept(e);
        }
    }
}
