package dev.purgedeck.edge;

/** Hears verdicts as they are reached, on the verifier's threads: a UI must hop onto its own thread itself. */
@FunctionalInterface
public interface VerdictListener {
    VerdictListener NONE = v -> { };

    /**
     * A verdict for one item: an interim {@link Freshness#REFRESHING} ({@link PageVerdict#last()} false) may come
     * first; exactly one final verdict per item follows.
     */
    void onVerdict(PageVerdict verdict);
}
