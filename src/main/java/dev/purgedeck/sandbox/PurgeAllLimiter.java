package dev.purgedeck.sandbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Fastly's hourly API rate limit: per user, fixed clock hour; purge_all counts against it (docs/fastly-api.md §9). */
final class PurgeAllLimiter {
    private final int limit;
    private final Map<String, Window> windows = new HashMap<>();

    record Outcome(boolean allowed, int remaining, long resetEpochSeconds) {
    }

    private static final class Window {
        final long hour;
        int used;

        Window(long hour) {
            this.hour = hour;
        }
    }

    PurgeAllLimiter(int limit) {
        this.limit = limit;
    }

    synchronized Outcome consume(String userId, Instant now) {
        long hour = Math.floorDiv(now.getEpochSecond(), 3600);
        long reset = (hour + 1) * 3600;
        Window w = windows.get(userId);
        if (w == null || w.hour != hour) {
            w = new Window(hour);
            windows.put(userId, w);
        }
        if (w.used >= limit) {
            return new Outcome(false, 0, reset);
        }
        w.used++;
        return new Outcome(true, limit - w.used, reset);
    }
}
