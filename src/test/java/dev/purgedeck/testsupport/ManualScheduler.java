package dev.purgedeck.testsupport;

import dev.purgedeck.fastly.RetryScheduler;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link RetryScheduler} the test drives: each pause the client starts (backoff or rate-limit wait) is recorded,
 * and it ends only when the test says so, so a test of a one-second wait takes no second and races nothing.
 */
public final class ManualScheduler implements RetryScheduler {
    /** One pause the client asked for, and the attempt that follows it. */
    public record Wait(Duration delay, Runnable next) {
        /** Ends the pause now: the client's next attempt runs on the calling thread. */
        public void end() {
            next.run();
        }
    }

    private final LinkedBlockingQueue<Wait> waits = new LinkedBlockingQueue<>();

    @Override
    public void schedule(Duration delay, Runnable task) {
        waits.add(new Wait(delay, task));
    }

    /** The next pause the client starts; waits up to 15 s for the answer that causes it. */
    public Wait next() {
        try {
            Wait w = waits.poll(15, TimeUnit.SECONDS);
            if (w == null) {
                throw new AssertionError("the client started no wait within 15 s");
            }
            return w;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Whether no started pause is waiting to be ended. */
    public boolean isIdle() {
        return waits.isEmpty();
    }
}
