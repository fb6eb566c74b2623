package dev.purgedeck.edge;

import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.JobListener;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.JobResult;
import dev.purgedeck.fastly.PurgeTwice;
import dev.purgedeck.fastly.RateLimitWait;
import dev.purgedeck.fastly.RetryScheduler;
import dev.purgedeck.fastly.RunningPurge;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A purge job with what the plan adds: purged twice when asked, and each purged item verified after its (last)
 * purge. Outcomes reach the job listener as soon as Fastly answers, never later because of verification; verdicts
 * follow through the verdict listener and {@link #verdict}. This is what the window and the command line run.
 */
public final class VerifiedPurge implements RunningPurge {
    /**
     * Takes each item once, when its history line can be written: at once when it is not verified (the verdict is
     * then null), or with its final verdict.
     */
    @FunctionalInterface
    public interface Recorder {
        Recorder NONE = (o, v, total) -> { };

        void record(ItemOutcome outcome, PageVerdict verdict, int total);
    }

    private final RunningPurge job;
    private final Verification verification;
    private final int total;
    private final CompletableFuture<Void> recorded;

    private VerifiedPurge(RunningPurge job, Verification verification, int total, CompletableFuture<Void> recorded) {
        this.job = job;
        this.verification = verification;
        this.total = total;
        this.recorded = recorded;
    }

    /**
     * Starts the job now.
     *
     * @param verifier   looks at the pages; unused when the plan does not verify
     * @param scheduler  runs the pause of purge twice
     * @param cancelling where a Cancel reports the items it ends (never the caller's thread)
     * @param outcomes   hears each item's outcome as it ends
     * @param verdicts   hears each verdict (interim and final)
     * @param recorder   takes each item once for the history
     */
    public static VerifiedPurge start(BulkPurgeRunner runner, String jobId, JobRequest request, VerifyPlan plan,
                                      PurgeVerifier verifier, RetryScheduler scheduler, Executor cancelling,
                                      JobListener outcomes, VerdictListener verdicts, Recorder recorder) {
        return start(runner, jobId, request, plan, verifier, scheduler, Clock.systemUTC(), cancelling, outcomes,
                verdicts, recorder);
    }

    /** As above; {@code clock} is the scheduler's time, which {@link #secondPurgeAt} is told in (a countdown). */
    public static VerifiedPurge start(BulkPurgeRunner runner, String jobId, JobRequest request, VerifyPlan plan,
                                      PurgeVerifier verifier, RetryScheduler scheduler, Clock clock,
                                      Executor cancelling, JobListener outcomes, VerdictListener verdicts,
                                      Recorder recorder) {
        Verification verification = plan.verify() ? verifier.begin(verdicts) : null;
        int total = request.targets().size();
        CompletableFuture<Void> recorded = new CompletableFuture<>();
        AtomicInteger taken = new AtomicInteger();
        Recorder counting = (o, v, all) -> {
            try {
                recorder.record(o, v, all);
            } finally {
                if (taken.incrementAndGet() == all) {
                    recorded.complete(null);
                }
            }
        };
        if (total == 0) {
            recorded.complete(null);
        }
        // Looks start once the purge is done: on a busy machine fetching pages while purging would slow the purges,
        // and their outcomes must not wait for verification. Each look still waits from its own purge's time.
        List<Runnable> held = Collections.synchronizedList(new ArrayList<>());
        JobListener each = new JobListener() {
            @Override
            public void onItem(ItemOutcome o, int done, int all) {
                onItems(List.of(o), done, all);
            }

            @Override
            public void onItems(List<ItemOutcome> batch, int done, int all) {
                try {
                    outcomes.onItems(batch, done, all); // a key batch stays one batch for the listener
                } finally {
                    Instant now = verification == null ? null : verifier.clock().instant(); // unverified: no verifier
                    batch.forEach(o -> after(o, request, plan, verification, counting, all, now, held));
                }
            }

            @Override
            public void onRateLimitWait(RateLimitWait wait) {
                outcomes.onRateLimitWait(wait);
            }
        };
        RunningPurge job = plan.twice()
                ? PurgeTwice.start(runner, jobId, request, plan.twiceDelay(), scheduler, clock, cancelling, each)
                : runner.start(jobId, request, each);
        job.result().thenRun(() -> {
            synchronized (held) {
                held.forEach(Runnable::run);
                held.clear();
            }
        });
        return new VerifiedPurge(job, verification, total, recorded);
    }

    private static void after(ItemOutcome o, JobRequest request, VerifyPlan plan, Verification verification,
                              Recorder recorder, int total, Instant now, List<Runnable> held) {
        if (verification == null) {
            recorder.record(o, null, total);
            return;
        }
        if (!o.ok()) {
            verification.skip(o.index(), o.target(), "Not purged, so not checked.");
            recorder.record(o, null, total);
            return;
        }
        // The verifier's clock, not the outcome's: the copy's age is compared with the time it measures.
        Instant sent = o.duration() == null ? now : now.minus(o.duration());
        Verification.Item item = new Verification.Item(o.index(), o.target(), o.kind(), request.options().soft(),
                sent, plan.pagesFor(o), plan.before());
        held.add(() -> verification.check(item).thenAccept(v -> recorder.record(o, v, total)));
    }

    @Override
    public String id() {
        return job.id();
    }

    /** Stops the purge (the second one too) and the verification: open verdicts end as not verified. */
    @Override
    public void cancel() {
        job.cancel();
        if (verification != null) {
            verification.cancel();
        }
    }

    /** Every item's outcome; completes as soon as the purge ends, before the verdicts. */
    @Override
    public CompletableFuture<JobResult> result() {
        return job.result();
    }

    /** Completes once the recorder has taken every item (with its final verdict when verified). */
    public CompletableFuture<Void> recorded() {
        return recorded;
    }

    /** Whether the items are verified. */
    public boolean verifying() {
        return verification != null;
    }

    /** Whether each item is purged a second time. */
    public boolean purgingTwice() {
        return job instanceof PurgeTwice;
    }

    /** When the second purge starts, for a countdown, while the job waits for it. */
    public Optional<Instant> secondPurgeAt() {
        return job instanceof PurgeTwice t ? t.secondPurgeAt() : Optional.empty();
    }

    /** The final verdict of item {@code index}; "not verified" when verification is off or the item failed. */
    public CompletableFuture<PageVerdict> verdict(int index) {
        if (verification == null) {
            return result().thenApply(r -> PageVerdict.unverified(index, r.items().get(index).target(),
                    "Verification was off.", Instant.now()));
        }
        return verification.verdict(index);
    }

    /** Every item's final verdict in item order, once the purge and all the looks are done. */
    public CompletableFuture<List<PageVerdict>> verdicts() {
        return result().thenCompose(r -> {
            List<CompletableFuture<PageVerdict>> all = new ArrayList<>(total);
            for (int i = 0; i < total; i++) {
                all.add(verdict(i));
            }
            return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                    .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
        });
    }
}
