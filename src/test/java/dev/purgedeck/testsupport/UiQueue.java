package dev.purgedeck.testsupport;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Stands in for the FX thread in view-model tests without the toolkit: like {@code Platform::runLater}, tasks posted
 * from any thread (the client's callbacks included) wait in a queue, and only the test's own thread runs them, one
 * at a time. So a view model's state is touched by one thread only, and a test asserts after draining the queue.
 */
public final class UiQueue implements Executor {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(15);
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Thread owner = Thread.currentThread();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs every task queued so far, and those they queue, on the test's thread. */
    public void drain() {
        checkOwner();
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    /**
     * Runs the UI tasks as they arrive until {@code condition} holds (checked on the test's thread, between tasks);
     * fails after 15 s. Blocks on the queue in between, so it wakes when a callback arrives rather than polling.
     */
    public void runUntil(BooleanSupplier condition) {
        checkOwner();
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        drain();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("condition not met within 15 s");
            }
            try {
                Runnable task = tasks.poll(left, TimeUnit.NANOSECONDS);
                if (task != null) {
                    task.run();
                    drain();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void checkOwner() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("UI tasks run only on the thread that made the queue");
        }
    }
}
