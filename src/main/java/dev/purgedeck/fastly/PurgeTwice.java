package dev.purgedeck.fastly;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Purges twice, as Fastly advises for shielded services (docs/fastly-edge.md §2): the job runs, and once it is done
 * the items it purged are purged again after a delay (about 2 s for URLs and keys, 30 s for purge-all), so that an
 * edge that re-cached the old copy from a not-yet-purged shield loses it too. Both purges are one job: each item's
 * single outcome arrives after its second purge and carries both purge IDs; Cancel stops the second purge, and the
 * items keep their first.
 */
public final class PurgeTwice implements RunningPurge {
    /** Fastly's advice: about 2 s apart for URLs and keys. */
    public static final Duration URL_DELAY = Duration.ofSeconds(2);
    /** Fastly's advice: about 30 s apart for purge-all. */
    public static final Duration ALL_DELAY = Duration.ofSeconds(30);

    private final String id;
    private final JobRequest request;
    private final BulkPurgeRunner runner;
    private final JobListener listener;
    private final RetryScheduler scheduler;
    private final Executor cancelling;
    private final Duration delay;
    private final Clock clock;
    private final AtomicReferenceArray<ItemOutcome> firsts;
    private final AtomicReferenceArray<ItemOutcome> finals;
    private final AtomicInteger done = new AtomicInteger();
    private final CompletableFuture<JobResult> result = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();
    private volatile RunningPurge current;
    private volatile Instant secondAt;
    private volatile boolean cancelled;

    private PurgeTwice(String id, JobRequest request, BulkPurgeRunner runner, JobListener listener,
                       RetryScheduler scheduler, Executor cancelling, Duration delay, Clock clock) {
        this.id = id;
        this.request = request;
        this.runner = runner;
        this.listener = listener;
        this.scheduler = scheduler;
        this.cancelling = cancelling;
        this.delay = delay;
        this.clock = clock;
        this.firsts = new AtomicReferenceArray<>(request.targets().size());
        this.finals = new AtomicReferenceArray<>(request.targets().size());
    }

    /** Fastly's advised delay between the two purges of this kind. */
    public static Duration advisedDelay(PurgeKind kind) {
        return kind == PurgeKind.ALL ? ALL_DELAY : URL_DELAY;
    }

    /**
     * Starts the first purge at once.
     *
     * @param delay      the pause between the end of the first purge and the start of the second
     * @param scheduler  runs that pause (real time in the app; the test's own in tests)
     * @param cancelling where a cancel during the pause reports the items (never the caller's thread, the UI's)
     */
    public static PurgeTwice start(BulkPurgeRunner runner, String jobId, JobRequest request, Duration delay,
                                   RetryScheduler scheduler, Executor cancelling, JobListener listener) {
        return start(runner, jobId, request, delay, scheduler, Clock.systemUTC(), cancelling, listener);
    }

    /** As above; {@code clock} tells {@link #secondPurgeAt} (the scheduler's time, for a countdown). */
    public static PurgeTwice start(BulkPurgeRunner runner, String jobId, JobRequest request, Duration delay,
                                   RetryScheduler scheduler, Clock clock, Executor cancelling, JobListener listener) {
        PurgeTwice twice = new PurgeTwice(jobId, request, runner, listener, scheduler, cancelling, delay, clock);
        twice.current = runner.start(jobId, request, twice.hearing(twice::first));
        twice.current.result().thenRun(twice::afterFirst);
        return twice;
    }

    @Override
    public String id() {
        return id;
    }

    public JobRequest request() {
        return request;
    }

    /** When the second purge starts (for a countdown), once the first one is done; empty before and if cancelled. */
    public Optional<Instant> secondPurgeAt() {
        return cancelled ? Optional.empty() : Optional.ofNullable(secondAt);
    }

    @Override
    public void cancel() {
        cancelled = true;
        current.cancel();
        // During the pause nothing is in flight: the held items end now, off the caller's thread.
        cancelling.execute(this::releaseHeld);
    }

    @Override
    public CompletableFuture<JobResult> result() {
        return result;
    }

    private void first(ItemOutcome o, int doneCount, int total) {
        if (o.ok() && !cancelled) {
            firsts.set(o.index(), o);
        } else {
            report(o);
        }
    }

    private void afterFirst() {
        if (firsts.length() == 0) {
            result.complete(new JobResult(id, request, List.of(), Duration.ofNanos(System.nanoTime() - startNanos)));
            return;
        }
        if (cancelled) {
            releaseHeld();
            return;
        }
        if (held().isEmpty()) {
            return; // every item failed or was cancelled: each has its outcome, nothing to purge again
        }
        secondAt = clock.instant().plus(delay);
        scheduler.schedule(delay, this::second);
    }

    private List<Integer> held() {
        List<Integer> again = new ArrayList<>();
        for (int i = 0; i < firsts.length(); i++) {
            if (firsts.get(i) != null) {
                again.add(i);
            }
        }
        return again;
    }

    private void second() {
        List<Integer> again = held();
        if (cancelled || again.isEmpty()) {
            releaseHeld();
            return;
        }
        List<String> targets = again.stream().map(i -> request.targets().get(i)).toList();
        JobRequest repeat = new JobRequest(request.serviceId(), request.kind(), targets, request.options(),
                request.concurrency());
        current = runner.start(id, repeat, hearing((o, d, t) -> {
            int index = again.get(o.index());
            ItemOutcome firstOne = firsts.getAndSet(index, null);
            if (firstOne != null) {
                report(firstOne.withSecond(o));
            }
        }));
        if (cancelled) {
            current.cancel();
        }
    }

    /** {@code items} for the outcomes of one of the two purges; Fastly's rate-limit waits go to the listener. */
    private JobListener hearing(JobListener items) {
        return new JobListener() {
            @Override
            public void onItem(ItemOutcome outcome, int done, int total) {
                items.onItem(outcome, done, total);
            }

            @Override
            public void onRateLimitWait(RateLimitWait wait) {
                listener.onRateLimitWait(wait);
            }
        };
    }

    /** The items purged once and waiting for their second purge end as they are. */
    private void releaseHeld() {
        for (int i = 0; i < firsts.length(); i++) {
            ItemOutcome o = firsts.getAndSet(i, null);
            if (o != null) {
                report(o.withSecond(new ItemOutcome(0, o.kind(), o.target(), ItemOutcome.Status.CANCELLED, null, 0, 0,
                        Duration.ZERO, ItemOutcome.NOT_SENT, null, Instant.now())));
            }
        }
    }

    private void report(ItemOutcome o) {
        if (!finals.compareAndSet(o.index(), null, o)) {
            return;
        }
        int n = done.incrementAndGet();
        try {
            listener.onItem(o, n, finals.length());
        } catch (RuntimeException e) {
            System.getLogger(PurgeTwice.class.getName()).log(System.Logger.Level.WARNING, "Job listener failed", e);
        }
        if (n == finals.length()) {
            ItemOutcome[] all = new ItemOutcome[finals.length()];
            Arrays.setAll(all, finals::get);
            result.complete(new JobResult(id, request, Arrays.asList(all),
                    Duration.ofNanos(System.nanoTime() - startNanos)));
        }
    }
}
