package dev.purgedeck.edge;

import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.RetryScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Looks at purged pages as a visitor's POP serves them and says per item whether the new content is served
 * (docs/fastly-edge.md §2). Fetches are bounded in number and time, wait for Fastly's propagation first, and never
 * block a thread; a page that hangs costs one fetch slot until its timeout and nothing else.
 */
public final class PurgeVerifier {
    /** Reads one page with {@code Fastly-Debug: 1}; {@link PageFetcher#inspect} in the app. */
    @FunctionalInterface
    public interface Pages {
        CompletableFuture<PageReport> fetch(String url);
    }

    private final Pages pages;
    private final RetryScheduler scheduler;
    private final Clock clock;
    private final VerifySettings settings;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private final ThreadLocal<Boolean> pumping = ThreadLocal.withInitial(() -> false);
    private int running;

    /**
     * @param scheduler runs the waits (propagation, looking again); tests hand in one they drive
     * @param clock     tells the time a purge was sent and an answer came, to compare with the copy's age
     */
    public PurgeVerifier(Pages pages, RetryScheduler scheduler, Clock clock, VerifySettings settings) {
        this.pages = pages;
        this.scheduler = scheduler;
        this.clock = clock;
        this.settings = settings;
    }

    /** A verifier reading pages with {@code fetcher} in real time. */
    public static PurgeVerifier of(PageFetcher fetcher, VerifySettings settings) {
        return of(fetcher::inspect, fetcher.executor(), settings);
    }

    /** A verifier reading pages with {@code pages} in real time, its waits ending on {@code threads}. */
    public static PurgeVerifier of(Pages pages, Executor threads, VerifySettings settings) {
        // Not RetryScheduler.REAL, which ends each wait on the common pool: on a two-core computer that pool is a
        // new thread per task, a thousand threads for a thousand pages.
        RetryScheduler waits = (delay, task) -> CompletableFuture.delayedExecutor(delay.toMillis(),
                TimeUnit.MILLISECONDS, threads).execute(task);
        return new PurgeVerifier(pages, waits, Clock.systemUTC(), settings);
    }

    public VerifySettings settings() {
        return settings;
    }

    /** The time the looks are measured by (a countdown to the first look uses it too). */
    public Clock clock() {
        return clock;
    }

    /** Runs the waits; a countdown to the first look ticks on it, so tests drive both. */
    public RetryScheduler scheduler() {
        return scheduler;
    }

    /** Starts verifying one job: hand it each purged item as its outcome arrives. */
    public Verification begin(VerdictListener listener) {
        return new Verification(this, listener);
    }

    /** How long to wait after a purge of this kind before the first look. */
    public Duration waitAfter(PurgeKind kind) {
        return kind == PurgeKind.ALL ? settings.allWait() : settings.urlWait();
    }

    /**
     * Looks at pages before a purge, for their validators: whatever answered within {@code budget} (the rest is
     * dropped, so a slow site never holds the purge back).
     */
    public CompletableFuture<Map<String, PageReport>> snapshot(List<String> urls, Duration budget) {
        Map<String, CompletableFuture<PageReport>> looks = new LinkedHashMap<>();
        for (String url : urls) {
            looks.putIfAbsent(url, fetch(url, () -> false).completeOnTimeout(null, budget.toMillis(),
                    TimeUnit.MILLISECONDS).exceptionally(e -> null));
        }
        return CompletableFuture.allOf(looks.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<String, PageReport> out = new LinkedHashMap<>();
            looks.forEach((url, f) -> Optional.ofNullable(f.join()).ifPresent(r -> out.put(url, r)));
            return out;
        });
    }

    /**
     * Fetches {@code url} once a slot is free; a fetch still queued when {@code cancelled} says so is never sent. The
     * future fails with the fetch's error, a timeout, or {@link java.util.concurrent.CancellationException}.
     */
    CompletableFuture<PageReport> fetch(String url, Supplier<Boolean> cancelled) {
        CompletableFuture<PageReport> out = new CompletableFuture<>();
        Runnable start = () -> {
            if (cancelled.get() || out.isDone()) {
                out.cancel(false);
                release();
                return;
            }
            CompletableFuture<PageReport> look;
            try {
                look = pages.fetch(url);
            } catch (RuntimeException e) {
                look = CompletableFuture.failedFuture(e);
            }
            CompletableFuture<PageReport> sent = look;
            sent.orTimeout(settings.fetchTimeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) -> {
                release();
                if (e != null) {
                    out.completeExceptionally(e);
                } else {
                    out.complete(r);
                }
            });
            // Cancelling the verification abandons the fetch too.
            out.whenComplete((r, e) -> sent.cancel(true));
        };
        synchronized (this) {
            waiting.add(start);
        }
        pump();
        return out;
    }

    /**
     * Starts queued fetches while slots are free. A fetch that ends at once (a refused connection) releases its slot
     * inside this loop; the flag makes that release leave the next start to the loop instead of recursing.
     */
    private void pump() {
        if (pumping.get()) {
            return;
        }
        pumping.set(true);
        try {
            while (true) {
                Runnable next;
                synchronized (this) {
                    if (running >= settings.concurrency() || waiting.isEmpty()) {
                        return;
                    }
                    next = waiting.poll();
                    running++;
                }
                next.run();
            }
        } finally {
            pumping.set(false);
        }
    }

    private void release() {
        synchronized (this) {
            running--;
        }
        pump();
    }
}
