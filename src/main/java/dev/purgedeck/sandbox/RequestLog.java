package dev.purgedeck.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The API requests the sandbox received (not {@code /_sandbox/*}), newest last, bounded to the most recent ones. */
public final class RequestLog {
    static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final Deque<RecordedRequest> recent = new ArrayDeque<>();
    private long count;

    RequestLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(RecordedRequest request) {
        if (recent.size() == capacity) {
            recent.removeFirst();
        }
        recent.addLast(request);
        count++;
    }

    /** The most recent requests, oldest first. */
    public synchronized List<RecordedRequest> all() {
        return List.copyOf(recent);
    }

    /** Total API requests since start or the last {@link #clear()}, including those no longer kept. */
    public synchronized long count() {
        return count;
    }

    public synchronized void clear() {
        recent.clear();
        count = 0;
    }
}
