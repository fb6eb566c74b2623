package dev.purgedeck.ui.history;

import dev.purgedeck.history.HistoryEntry;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Every history entry the screen knows, oldest first, with each job's items and each service's name at hand. Batches
 * are appended without copying what is there (the history may hold a million entries), and a selected row finds its
 * job in a map instead of a scan. Built on a background thread at load, then used on the UI thread only. A cell is
 * written again only to put in a verdict learned later ({@link #replace}).
 */
final class HistoryIndex {
    private HistoryEntry[] entries;
    private int size;
    private final Map<String, List<HistoryEntry>> jobs = new HashMap<>();
    private final Map<String, String> services = new LinkedHashMap<>();
    /** Profile name to where it purged last (e.g. "sandbox http://127.0.0.1:8080"), in the order first seen. */
    private final Map<String, String> profiles = new LinkedHashMap<>();
    /** Per purged thing (see {@link #thing}), its latest successful purge. */
    private final Map<String, HistoryEntry> lastOk = new HashMap<>();
    /** Per job, the jobs that sent its failed items again, in the order recorded. */
    private final Map<String, List<String>> retriedBy = new HashMap<>();

    private HistoryIndex(int capacity) {
        entries = new HistoryEntry[Math.max(16, capacity)];
    }

    static HistoryIndex empty() {
        return new HistoryIndex(16);
    }

    /** An index of {@code loaded}, oldest first; room is left for the entries that will follow. */
    static HistoryIndex of(List<HistoryEntry> loaded) {
        HistoryIndex index = new HistoryIndex(loaded.size() + loaded.size() / 8);
        index.add(loaded);
        return index;
    }

    int size() {
        return size;
    }

    /**
     * Appends a batch; returns the IDs of services not seen before. Growth doubles the array, so a batch costs its own
     * size, not the history's.
     */
    List<String> add(List<HistoryEntry> batch) {
        if (size + batch.size() > entries.length) {
            entries = Arrays.copyOf(entries, Math.max(entries.length * 2, size + batch.size()));
        }
        List<String> newServices = new ArrayList<>();
        for (HistoryEntry e : batch) {
            entries[size++] = e;
            List<HistoryEntry> items = jobs.computeIfAbsent(e.jobId(), id -> new ArrayList<>());
            items.add(e);
            if (items.size() == 1 && e.retryOf() != null) {
                retriedBy.computeIfAbsent(e.retryOf(), id -> new ArrayList<>()).add(e.jobId());
            }
            if (e.outcome() == HistoryEntry.Outcome.OK) {
                lastOk.merge(thing(e), e, (a, b) -> a.time().isAfter(b.time()) ? a : b);
            }
            if (e.profile() != null) {
                profiles.put(e.profile(), RerunQuestion.where(e.endpointKind(), e.endpoint()));
            }
            if (e.serviceId() != null) {
                String name = e.serviceName() == null ? "" : e.serviceName();
                String before = services.putIfAbsent(e.serviceId(), name);
                if (before == null) {
                    newServices.add(e.serviceId());
                } else if (!name.isEmpty()) {
                    services.put(e.serviceId(), name); // the latest known name wins
                }
            }
        }
        return newServices;
    }

    /**
     * Puts {@code updated} (the same item with a verdict learned later) where {@code old} is. The search runs from the
     * newest end, where a live verdict's entry is. A snapshot taken before may see either; both are the same item.
     */
    void replace(HistoryEntry old, HistoryEntry updated) {
        for (int i = size - 1; i >= 0; i--) {
            if (entries[i] == old) {
                entries[i] = updated;
                break;
            }
        }
        List<HistoryEntry> items = jobs.get(old.jobId());
        if (items != null) {
            items.replaceAll(e -> e == old ? updated : e);
        }
        lastOk.computeIfPresent(thing(old), (thing, e) -> e == old ? updated : e);
    }

    /** The items of a job, in the order they were recorded; empty for a job it does not know. */
    List<HistoryEntry> job(String jobId) {
        List<HistoryEntry> items = jobs.get(jobId);
        return items == null ? List.of() : Collections.unmodifiableList(items);
    }

    /** Service ID to its name (empty when never known), in the order first seen. */
    Map<String, String> services() {
        return Collections.unmodifiableMap(services);
    }

    /**
     * Whether {@code e} failed (or was cancelled) and the same thing was purged successfully after it, e.g. by a retry:
     * it needs no re-run.
     */
    boolean laterPurged(HistoryEntry e) {
        return purgedLaterBy(e).isPresent();
    }

    /** The successful purge that came after {@code e} failed (or was cancelled), if any. */
    java.util.Optional<HistoryEntry> purgedLaterBy(HistoryEntry e) {
        if (e.outcome() == HistoryEntry.Outcome.OK) {
            return java.util.Optional.empty();
        }
        HistoryEntry ok = lastOk.get(thing(e));
        return ok != null && ok.time().isAfter(e.time()) ? java.util.Optional.of(ok) : java.util.Optional.empty();
    }

    /** The jobs that retried the failed items of {@code jobId}, in the order recorded. */
    List<String> retriedBy(String jobId) {
        List<String> ids = retriedBy.get(jobId);
        return ids == null ? List.of() : Collections.unmodifiableList(ids);
    }

    /**
     * What an entry purged: kind and target, and the service for keys and purge-all. A URL purge is not tied to a
     * service (older entries recorded whichever was selected), so the URL alone names it.
     */
    private static String thing(HistoryEntry e) {
        String service = e.kind() == dev.purgedeck.fastly.PurgeKind.URL ? "" : String.valueOf(e.serviceId());
        return e.kind().id() + '|' + service + '|' + e.target();
    }

    /** Profile name to the endpoint it last purged through, in the order first seen. */
    Map<String, String> profiles() {
        return Collections.unmodifiableMap(profiles);
    }

    /**
     * The entries from {@code from} to the current end, as a list that later appends do not change: it may be read
     * on another thread (a background filter) while this index grows.
     */
    List<HistoryEntry> snapshot(int from) {
        return new Prefix(entries, from, size);
    }

    /** A fixed range of an array whose cells in that range are never written again. */
    private static final class Prefix extends AbstractList<HistoryEntry> implements RandomAccess {
        private final HistoryEntry[] array;
        private final int from;
        private final int to;

        Prefix(HistoryEntry[] array, int from, int to) {
            this.array = array;
            this.from = from;
            this.to = to;
        }

        @Override
        public HistoryEntry get(int i) {
            if (i < 0 || i >= to - from) {
                throw new IndexOutOfBoundsException(i);
            }
            return array[from + i];
        }

        @Override
        public int size() {
            return to - from;
        }
    }
}
