package dev.purgedeck.fastly;

import java.time.Duration;
import java.util.List;
import java.util.function.LongFunction;

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
        return summary(n -> String.format("%,d", n));
    }

    /** The same summary with each count written by {@code number} (the command line's own, without the locale's). */
    public String summary(LongFunction<String> number) {
        long ok = count(ItemOutcome.Status.OK);
        long failed = count(ItemOutcome.Status.FAILED);
        long cancelled = count(ItemOutcome.Status.CANCELLED);
        String s = number.apply(ok) + " purged, " + number.apply(failed) + " failed";
        return cancelled > 0 ? s + ", " + number.apply(cancelled) + " cancelled" : s;
    }
}
