package dev.purgedeck.ui.purge;

import dev.purgedeck.edge.Freshness;
import dev.purgedeck.edge.PageVerdict;
import dev.purgedeck.fastly.FastlyApiException;
import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.PurgeKind;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One URL or key in the results table: pending until its outcome arrives, then ok, failed or cancelled. */
public final class ResultRow {
    /** Pending, or how the item ended. */
    public enum State { PENDING, OK, FAILED, CANCELLED }

    private final String target;
    private final PurgeKind kind;
    private final boolean soft;
    private final ObjectProperty<ItemOutcome> outcome = new SimpleObjectProperty<>();
    private final ObjectProperty<PageVerdict> verdict = new SimpleObjectProperty<>();

    public ResultRow(String target, PurgeKind kind) {
        this(target, kind, false);
    }

    public ResultRow(String target, PurgeKind kind, boolean soft) {
        this.target = target;
        this.kind = kind;
        this.soft = soft;
    }

    /** Whether the item was sent as a soft purge (marked stale) rather than removed. */
    public boolean soft() {
        return soft;
    }

    public String target() {
        return target;
    }

    public PurgeKind kind() {
        return kind;
    }

    public ObjectProperty<ItemOutcome> outcomeProperty() {
        return outcome;
    }

    public ItemOutcome outcome() {
        return outcome.get();
    }

    public State state() {
        ItemOutcome o = outcome.get();
        if (o == null) {
            return State.PENDING;
        }
        return switch (o.status()) {
            case OK -> State.OK;
            case FAILED -> State.FAILED;
            case CANCELLED -> State.CANCELLED;
        };
    }

    /** What happened, in an editor's words: a soft purge marks stale, a hard one removes. */
    public String outcomeText() {
        return switch (state()) {
            case PENDING -> "Pending";
            case OK -> soft ? "Marked stale" : "Removed";
            // Fastly said 200 but its body was unreadable: the purge probably happened, so not a bare "Failed".
            case FAILED -> outcome().errorKind() == FastlyApiException.Kind.INVALID_RESPONSE
                    && outcome().httpStatus() >= 200 && outcome().httpStatus() < 300 ? "Unconfirmed" : "Failed";
            case CANCELLED -> outcome().notSent() ? "Not sent" : "Cancelled";
        };
    }

    /** Cancelled before its request left, so it can simply be sent now. */
    public boolean notSent() {
        return outcome() != null && outcome().notSent();
    }

    /** The purge ID, or "" when there is none (yet). */
    public String purgeId() {
        ItemOutcome o = outcome.get();
        return o == null || o.purgeId() == null ? "" : o.purgeId();
    }

    /** The look at the page after the purge: an interim "Refreshing" first perhaps, then the final one; or null. */
    public ObjectProperty<PageVerdict> verdictProperty() {
        return verdict;
    }

    /** The verdict's words ("Fresh", "Old copy still served", …), or "" while there is none. */
    public String verdictText() {
        PageVerdict v = verdict.get();
        return v == null ? "" : v.words();
    }

    /** Why the verdict is what it is, for the hover and the details line; "" while there is none. */
    public String verdictReason() {
        PageVerdict v = verdict.get();
        return v == null ? "" : v.reason();
    }

    /** Whether the page still shows the old copy, so purging it again is worth it. */
    public boolean oldCopyServed() {
        PageVerdict v = verdict.get();
        return v != null && v.freshness() == Freshness.OLD_COPY;
    }
}
