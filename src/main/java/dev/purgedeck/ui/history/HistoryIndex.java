package dev.purgedeck.ui.history;

import dev.purgedeck.fastly.PurgeKind;
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
    /** Entries live in entries[start, end): appends go after end, older entries loaded later go before start. */
    private HistoryEntry[] entries;
    private int start;
    private int end;
    /**
     * Position minus array index: positions name entries for good, while the array may move them to make room in
     * front.
     */
    private long shift;
    private final Map<String, List<HistoryEntry>> jobs = new HashMap<>();
    /** Service ID to its name (empty when never known), and where it was first seen. */
    private final Map<String, Seen> services = new HashMap<>();
    /** Profile name to where it purged last (e.g. "sandbox http://127.0.0.1:8080"), and where it was first seen. */
    private final Map<String, Seen> profiles = new HashMap<>();
    /** Per purged thing (see {@link #thing}), its latest successful purge. */
    private final Map<Thing, HistoryEntry> lastOk = new HashMap<>();
    /** Per job, the jobs that sent its failed items again, in the order recorded. */
    private final Map<String, List<String>> retriedBy = new HashMap<>();

    /** A value and the position of the oldest entry that named it: choice lists are in the order first recorded. */
    private static final class Seen {
        String value;
        long position;

        Seen(String value, long position) {
            this.value = value;
            this.position = position;
        }
    }

    /**
     * What an entry purged: kind and target, and the service for keys and purge-all. A URL purge is not tied to a
     * service (older entries recorded whichever was selected), so the URL alone names it. A record of the entry's own
     * strings, not a joined text: a million of those took a hundred megabytes.
     */
    private record Thing(PurgeKind kind, String service, String target) {
    }

    private HistoryIndex(int capacity, int room) {
        entries = new HistoryEntry[Math.max(16, capacity + room)];
        start = end = room;
    }

    static HistoryIndex empty() {
        return new HistoryIndex(16, 0);
    }

    /** An index of {@code loaded}, oldest first; room is left for the entries that will follow. */
    static HistoryIndex of(List<HistoryEntry> loaded) {
        HistoryIndex index = new HistoryIndex(loaded.size() + loaded.size() / 8, 0);
        index.add(loaded);
        return index;
    }

    /**
     * An index of the newest part of a history still loading, with room for about {@code older} entries that
     * {@link #prepend} will put before it.
     */
    static HistoryIndex newest(List<HistoryEntry> part, int older) {
        HistoryIndex index = new HistoryIndex(part.size() + part.size() / 8 + 16, Math.max(0, older));
        index.add(part);
        return index;
    }

    int size() {
        return end - start;
    }

    /**
     * Appends a batch; returns the IDs of services not seen before. Growth doubles the array, so a batch costs its own
     * size, not the history's.
     */
    List<String> add(List<HistoryEntry> batch) {
        if (end + batch.size() > entries.length) {
            entries = Arrays.copyOf(entries, Math.max(entries.length * 2, end + batch.size()));
        }
        List<String> newServices = new ArrayList<>();
        for (HistoryEntry e : batch) {
            long position = end + shift;
            entries[end++] = e;
            List<HistoryEntry> items = jobs.computeIfAbsent(e.jobId(), id -> new ArrayList<>());
            items.add(e);
            if (items.size() == 1 && e.retryOf() != null) {
                retriedBy.computeIfAbsent(e.retryOf(), id -> new ArrayList<>()).add(e.jobId());
            }
            if (e.outcome() == HistoryEntry.Outcome.OK) {
                lastOk.merge(thing(e), e, (a, b) -> a.time().isAfter(b.time()) ? a : b);
            }
            if (e.profile() != null) {
                Seen p = profiles.putIfAbsent(e.profile(), new Seen(where(e), position));
                if (p != null) {
                    p.value = where(e); // where it purged last
                }
            }
            if (e.serviceId() != null) {
                String name = e.serviceName() == null ? "" : e.serviceName();
                Seen before = services.putIfAbsent(e.serviceId(), new Seen(name, position));
                if (before == null) {
                    newServices.add(e.serviceId());
                } else if (!name.isEmpty()) {
                    before.value = name; // the latest known name wins
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
        for (int i = end - 1; i >= start; i--) {
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

    /**
     * Puts a batch of entries older than all it holds (in file order) before them, as a history loaded newest first
     * arrives; returns the IDs of services not seen before. What it knows ends up as if it had been added oldest first.
     */
    List<String> prepend(List<HistoryEntry> older) {
        int n = older.size();
        if (n > start) { // the estimate of what is still to come was short: make room at the front again
            int room = Math.max(n, size());
            HistoryEntry[] grown = new HistoryEntry[room + entries.length - start];
            System.arraycopy(entries, start, grown, room, end - start);
            shift -= room - start;
            end = room + end - start;
            start = room;
            entries = grown;
        }
        start -= n;
        for (int i = 0; i < n; i++) {
            entries[start + i] = older.get(i);
        }
        List<String> newServices = new ArrayList<>();
        Map<String, List<HistoryEntry>> groups = new LinkedHashMap<>();
        for (int i = n - 1; i >= 0; i--) { // newest first: the first of these to name something is the latest
            HistoryEntry e = older.get(i);
            long position = start + i + shift;
            groups.computeIfAbsent(e.jobId(), id -> new ArrayList<>()).add(e);
            if (e.outcome() == HistoryEntry.Outcome.OK) {
                lastOk.merge(thing(e), e, (kept, b) -> b.time().isAfter(kept.time()) ? b : kept);
            }
            if (e.profile() != null) {
                profiles.computeIfAbsent(e.profile(), p -> new Seen(where(e), position)).position = position;
            }
            if (e.serviceId() != null) {
                String name = e.serviceName() == null ? "" : e.serviceName();
                Seen s = services.get(e.serviceId());
                if (s == null) {
                    services.put(e.serviceId(), new Seen(name, position));
                    newServices.add(e.serviceId());
                } else {
                    s.position = position;
                    if (s.value.isEmpty()) {
                        s.value = name; // no later entry knew it
                    }
                }
            }
        }
        groups.forEach((jobId, newestFirst) -> {
            java.util.Collections.reverse(newestFirst);
            List<HistoryEntry> items = jobs.get(jobId);
            if (items == null) {
                jobs.put(jobId, newestFirst);
                HistoryEntry first = newestFirst.get(0);
                if (first.retryOf() != null) { // the groups go newest first, so each retry goes before the later ones
                    retriedBy.computeIfAbsent(first.retryOf(), id -> new ArrayList<>()).add(0, jobId);
                }
            } else {
                items.addAll(0, newestFirst);
            }
        });
        return newServices;
    }

    private static String where(HistoryEntry e) {
        return RerunQuestion.where(e.endpointKind(), e.endpoint());
    }

    /** The items of a job, in the order they were recorded; empty for a job it does not know. */
    List<HistoryEntry> job(String jobId) {
        List<HistoryEntry> items = jobs.get(jobId);
        return items == null ? List.of() : Collections.unmodifiableList(items);
    }

    /** Service ID to its name (empty when never known), in the order first seen. */
    Map<String, String> services() {
        return inOrder(services);
    }

    /** A few services or profiles: sorting them on each call costs nothing worth keeping an order for. */
    private static Map<String, String> inOrder(Map<String, Seen> seen) {
        Map<String, String> out = new LinkedHashMap<>();
        seen.entrySet().stream().sorted(java.util.Comparator.comparingLong(e -> e.getValue().position))
                .forEach(e -> out.put(e.getKey(), e.getValue().value));
        return Collections.unmodifiableMap(out);
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

    private static Thing thing(HistoryEntry e) {
        return new Thing(e.kind(), e.kind() == PurgeKind.URL ? null : e.serviceId(), e.target());
    }

    /** Profile name to the endpoint it last purged through, in the order first seen. */
    Map<String, String> profiles() {
        return inOrder(profiles);
    }

    /**
     * The entries from {@code from} to the current end, as a list that later appends do not change: it may be read
     * on another thread (a background filter) while this index grows.
     */
    List<HistoryEntry> snapshot(int from) {
        return new Prefix(entries, start + from, end);
    }

    /** Where the entries end: positions, unlike indexes, stay put while older entries are put in front. */
    long endPosition() {
        return end + shift;
    }

    /** Where the oldest entry held sits; it moves down as older entries are put in front. */
    long startPosition() {
        return start + shift;
    }

    /** The entries from position {@code from} (see {@link #endPosition}) to the end, as {@link #snapshot}. */
    List<HistoryEntry> since(long fromPosition) {
        return new Prefix(entries, (int) (fromPosition - shift), end);
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
