package dev.purgedeck.fastly;

import java.time.Duration;
import java.util.List;

/**
 * A finished job: every item's outcome in item order, and the wall time.
 *
 * @param jobId   the job's ID, shared by all its items in the history
 * @param request what was asked
 * @param items   one outcome per target, in target order
 * @param elapsed wall time from start to the last outcome
 */
public record JobResult(String jobId, JobRequest request, List<ItemOutcome> items, Duration elapsed) {
    public long count(ItemOutcome.Status status) {
        return items.stream().filter(i -> i.status() == status).count();
    }

    /** "998 purged, 2 failed" style summary; cancelled items are mentioned only when there are some. */
    public String summary() {
        long ok = count(ItemOutcome.Status.OK);
        long failed = count(ItemOutcome.Status.FAILED);
        long cancelled = count(ItemOutcome.Status.CANCELLED);
        String s = String.format("%,d purged, %,d failed", ok, failed);
        return cancelled > 0 ? s + String.format(", %,d cancelled", cancelled) : s;
    }
}
