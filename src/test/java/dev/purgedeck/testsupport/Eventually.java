package dev.purgedeck.testsupport;

import java.util.function.BooleanSupplier;

/** Polls a condition for work that finishes on other threads (no toolkit involved). */
public final class Eventually {
    private Eventually() {
    }

    public static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 15 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
