package dev.purgedeck.fastly;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One running bulk purge. Work units (a URL, a batch of up to 256 keys, or a purge-all) are sent with at most
 * {@code concurrency} in flight; no thread waits on a request. Each item gets exactly one {@link ItemOutcome}.
 */
public final class PurgeJob implements RunningPurge {
    private static final String CANCELLED = "Cancelled before Fastly confirmed it.";
    private static final String NOT_SENT = ItemOutcome.NOT_SENT + " (cancelled).";

    private final String id;
    private final JobRequest request;
    private final FastlyClient client;
    private final JobListener listener;
    private final Executor cancelling;
    private final AtomicReferenceArray<ItemOutcome> outcomes;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger heard = new AtomicInteger();
    private final CompletableFuture<JobResult> result = new CompletableFuture<>();
    private final Deque<Unit> pending = new ArrayDeque<>();
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private final long startNanos = System.nanoTime();
    private int running;
    private volatile boolean cancelled;
    private volatile String stopReason;

    PurgeJob(String id, JobRequest request, FastlyClient client, JobListener listener, Executor cancelling) {
        this.id = id;
        this.request = request;
        this.client = client;
        this.listener = listener;
        this.cancelling = cancelling;
        this.outcomes = new AtomicReferenceArray<>(request.targets().size());
    }

    @Override
    public String id() {
        return id;
    }

    public JobRequest request() {
        return request;
    }

    public int total() {
        return outcomes.length();
    }

    public int done() {
        return done.get();
    }

    /** Completes when every item has an outcome; it never completes exceptionally. */
    @Override
    public CompletableFuture<JobResult> result() {
        return result;
    }

    /**
     * Stops the job: nothing new is sent, requests in flight are abandoned, and their items end as cancelled. Returns
     * at once; the cancelled outcomes follow on the runner's executor.
     */
    @Override
    public void cancel() {
        halt(null);
    }

    /**
     * Gives the job an overall deadline: when {@code limit} has passed and it is still running, it stops as
     * {@link #cancel} does, each item not done saying it was not sent (or not confirmed) because of the deadline.
     * A dead network then fails a large job in bounded time rather than after every item's timeouts and retries.
     */
    public void deadline(Duration limit) {
        if (limit == null || limit.isZero() || limit.isNegative()) {
            return;
        }
        CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (!result.isDone()) {
                halt("the job's deadline of " + Durations.describe(limit) + " passed");
            }
        });
    }

    private void halt(String reason) {
        if (reason != null && stopReason == null) {
            stopReason = reason;
        }
        cancelled = true;
        // Completing a future runs its callbacks on the completing thread, and those record outcomes (the history,
        // the UI's queue): the caller, often the UI thread, must not be the one to run them.
        try {
            cancelling.execute(this::abandon);
        } catch (RejectedExecutionException e) {
            abandon(); // the app is shutting down: better on this thread than never
        }
    }

    private void abandon() {
        List<Unit> dropped;
        synchronized (this) {
            dropped = List.copyOf(pending);
            pending.clear();
        }
        List<ItemOutcome> cancelledItems = new ArrayList<>();
        for (Unit u : dropped) {
            for (int i = u.from; i < u.to; i++) {
                cancelledItems.add(cancelledOutcome(i, Duration.ZERO, false));
            }
        }
        record(cancelledItems);
        for (CompletableFuture<?> f : List.copyOf(inFlight)) {
            f.cancel(true);
        }
    }

    void begin() {
        Runnable stopListening = client.onRateLimitWait(listener::onRateLimitWait);
        result.whenComplete((r, e) -> stopListening.run());
        List<String> targets = request.targets();
        int step = request.kind() == PurgeKind.KEY ? KeyBatcher.MAX_KEYS_PER_REQUEST : 1;
        synchronized (this) {
            for (int from = 0; from < targets.size(); from += step) {
                pending.add(new Unit(from, Math.min(targets.size(), from + step)));
            }
        }
        if (targets.isEmpty()) {
            finish();
        }
        pump();
    }

    private void pump() {
        while (true) {
            Unit next;
            synchronized (this) {
                if (cancelled || running >= request.concurrency() || pending.isEmpty()) {
                    return;
                }
                next = pending.poll();
                running++;
            }
            launch(next);
        }
    }

    private void launch(Unit unit) {
        long t0 = System.nanoTime();
        List<String> targets = request.targets();
        // Keep the client's own future: cancelling it abandons the HTTP request; a derived stage would not.
        CompletableFuture<?> source = switch (request.kind()) {
            case URL -> client.purgeUrl(targets.get(unit.from), request.options());
            case ALL -> client.purgeAll(targets.get(unit.from), request.options());
            case KEY -> client.purgeKeyBatch(request.serviceId(), targets.subList(unit.from, unit.to), request.options());
        };
        inFlight.add(source);
        if (cancelled) {
            source.cancel(true);
        }
        source.whenComplete((value, error) -> {
            inFlight.remove(source);
            if (error != null) {
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                List<ItemOutcome> failed = new ArrayList<>(unit.to - unit.from);
                for (int i = unit.from; i < unit.to; i++) {
                    failed.add(failure(i, RequestExecutor.unwrap(error), took));
                }
                record(failed);
            } else if (value instanceof KeyBatchResponse batch) {
                recordBatch(unit, batch);
            } else if (value instanceof PurgeResponse r) {
                record(List.of(ok(unit.from, r.purgeId(), r.httpStatus(), r.attempts(), r.elapsed())));
            }
            synchronized (this) {
                running--;
            }
            pump();
        });
    }

    private void recordBatch(Unit unit, KeyBatchResponse r) {
        List<ItemOutcome> batch = new ArrayList<>(unit.to - unit.from);
        for (int i = unit.from; i < unit.to; i++) {
            String key = request.targets().get(i);
            String purgeId = r.purgeIds().get(key);
            batch.add(purgeId != null ? ok(i, purgeId, r.httpStatus(), r.attempts(), r.elapsed())
                    : outcome(i, ItemOutcome.Status.FAILED, null, r.httpStatus(), r.attempts(), r.elapsed(),
                    "Fastly returned no purge ID for this key, so it may not have been purged.", null));
        }
        record(batch);
    }

    /** Records outcomes known together; an item that already has an outcome keeps it (exactly one per item). */
    private void record(List<ItemOutcome> candidates) {
        List<ItemOutcome> accepted = new ArrayList<>(candidates.size());
        for (ItemOutcome o : candidates) {
            if (outcomes.compareAndSet(o.index(), null, o)) {
                accepted.add(o);
            }
        }
        if (accepted.isEmpty()) {
            return;
        }
        int n = done.addAndGet(accepted.size());
        try {
            listener.onItems(accepted, n, total());
        } catch (RuntimeException e) {
            // A faulty listener must not stall the job: the remaining items still need their outcomes.
            System.getLogger(PurgeJob.class.getName()).log(System.Logger.Level.WARNING, "Job listener failed", e);
        }
        // The result completes only after every listener call has returned (they run on several threads), so
        // whoever waits for it sees everything the listener did, e.g. every history line written.
        if (heard.addAndGet(accepted.size()) == total()) {
            finish();
        }
    }

    private void finish() {
        ItemOutcome[] all = new ItemOutcome[outcomes.length()];
        for (int i = 0; i < all.length; i++) {
            all[i] = outcomes.get(i);
        }
        result.complete(new JobResult(id, request, Arrays.asList(all), Duration.ofNanos(System.nanoTime() - startNanos)));
    }

    private ItemOutcome ok(int i, String purgeId, int status, int attempts, Duration took) {
        return outcome(i, ItemOutcome.Status.OK, purgeId, status, attempts, took, "", null);
    }

    private ItemOutcome cancelledOutcome(int i, Duration took, boolean sent) {
        String why = stopReason;
        String message = why == null ? (sent ? CANCELLED : NOT_SENT)
                : sent ? "Stopped because " + why + ", before Fastly confirmed it." : ItemOutcome.NOT_SENT + ": " + why + ".";
        return outcome(i, ItemOutcome.Status.CANCELLED, null, 0, 0, took, message, null);
    }

    private ItemOutcome failure(int i, Throwable error, Duration took) {
        if (error instanceof CancellationException || cancelled) {
            return cancelledOutcome(i, took, true);
        }
        if (error instanceof FastlyApiException e) {
            return outcome(i, ItemOutcome.Status.FAILED, null, e.status(), e.attempts(), took, e.userMessage(), e.kind());
        }
        if (error instanceof InvalidInputException e) {
            return outcome(i, ItemOutcome.Status.FAILED, null, 0, 0, took, e.getMessage(), null);
        }
        return outcome(i, ItemOutcome.Status.FAILED, null, 0, 1, took,
                "Unexpected error: " + error.getClass().getSimpleName(), null);
    }

    private ItemOutcome outcome(int i, ItemOutcome.Status status, String purgeId, int httpStatus, int attempts,
                                Duration took, String message, FastlyApiException.Kind kind) {
        return new ItemOutcome(i, request.kind(), request.targets().get(i), status, purgeId, httpStatus, attempts,
                took, message, kind, Instant.now());
    }

    private record Unit(int from, int to) {
    }
}
