package dev.purgedeck.fastly;

import java.util.List;

/** Hears about a job item by item. Called on the client's threads: a UI must hop onto its own thread itself. */
@FunctionalInterface
public interface JobListener {
    JobListener NONE = (o, d, t) -> { };

    /** One item ended; {@code done} of {@code total} items have ended so far. */
    void onItem(ItemOutcome outcome, int done, int total);

    /**
     * Items whose outcomes became known together (the keys of one batch request, or a single item); {@code done}
     * counts them all. The default hands them to {@link #onItem} one by one. Override it to act once per batch,
     * e.g. to write a batch's history lines in one write.
     */
    default void onItems(List<ItemOutcome> outcomes, int done, int total) {
        int first = done - outcomes.size();
        for (int i = 0; i < outcomes.size(); i++) {
            onItem(outcomes.get(i), first + i + 1, total);
        }
    }

    /** Fastly asked the client to wait (429) while this job ran; nothing is sent until its {@code resumeAt()}. */
    default void onRateLimitWait(RateLimitWait wait) {
    }
}
