package dev.purgedeck.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Outcomes that could not be written to the history (a full disk, a refused file), kept in memory so they are not
 * lost: every later write tries them first, and what is still here at the end can be shown or saved elsewhere.
 * Thread-safe: batches end on several threads.
 */
public final class Unrecorded {
    private final List<HistoryEntry> entries = new ArrayList<>();
    private String problem;

    /** Keeps entries whose write failed, and why (in words for the user). */
    synchronized void keep(List<HistoryEntry> failed, String why) {
        entries.addAll(failed);
        problem = why;
    }

    /** Takes everything kept, to be tried again (and kept again if that fails). */
    synchronized List<HistoryEntry> drain() {
        List<HistoryEntry> out = List.copyOf(entries);
        entries.clear();
        return out;
    }

    /** What is still unrecorded, oldest first. */
    public synchronized List<HistoryEntry> entries() {
        return List.copyOf(entries);
    }

    /** The kept outcomes as history lines (one JSON object each), ready to be appended to a history later. */
    public synchronized byte[] asLines() {
        return LineWriter.lines(entries);
    }

    /** Why the last write failed; null when nothing is kept. */
    public synchronized String problem() {
        return entries.isEmpty() ? null : problem;
    }
}
