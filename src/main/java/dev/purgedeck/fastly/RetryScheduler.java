package dev.purgedeck.fastly;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the next attempt of a request after a pause (a backoff, or a wait for the rate-limit reset) without blocking
 * a thread. The app uses real time; tests hand in their own so they decide when a wait is over instead of sleeping.
 */
@FunctionalInterface
public interface RetryScheduler {
    /** Real time, on the common pool's delayed executor. */
    RetryScheduler REAL = (delay, task) ->
            CompletableFuture.runAsync(task, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));

    /** Runs {@code task} once {@code delay} has passed. */
    void schedule(Duration delay, Runnable task);
}
