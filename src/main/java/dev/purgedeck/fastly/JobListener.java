package dev.purgedeck.fastly;

/** Hears about a job item by item. Called on the client's threads: a UI must hop onto its own thread itself. */
@FunctionalInterface
public interface JobListener {
    /** One item ended; {@code done} of {@code total} items have ended so far. */
    void onItem(ItemOutcome outcome, int done, int total);

    JobListener NONE = (o, d, t) -> { };
}
