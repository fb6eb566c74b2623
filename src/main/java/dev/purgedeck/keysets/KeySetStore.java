package dev.purgedeck.keysets;

import dev.purgedeck.files.Logs;
import dev.purgedeck.files.StoreLock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The user's key sets, kept in {@code keysets.json} in the data directory. Every change is saved at once (atomically,
 * the previous file kept as {@code keysets.json.bak}) before it becomes visible; a failed save throws and changes
 * nothing. Thread-safe; listeners run on the thread that made the change, after it is saved.
 */
public final class KeySetStore {
    private static final System.Logger LOG = Logs.of(KeySetStore.class);

    private final StoreFile file;
    private final Clock clock;
    private final String problem;
    private final boolean writable;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private List<KeySet> sets;

    private KeySetStore(StoreFile file, Clock clock, StoreFile.Loaded loaded) {
        this.file = file;
        this.clock = clock;
        this.problem = loaded.problem();
        this.writable = loaded.writable();
        // A hand-edited file may lack times; every set in the store has them.
        this.sets = loaded.sets().stream().map(this::withTimes).sorted(Names.ORDER).toList();
    }

    /** Loads the sets from {@code dataDir}; a missing file means none, and a bad file never makes this throw. */
    public static KeySetStore open(Path dataDir, Clock clock) {
        StoreFile file = new StoreFile(dataDir, clock);
        return new KeySetStore(file, clock, file.load());
    }

    /** What went wrong reading the file at start, in words for the user; empty when it read cleanly. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** All sets, sorted by name ignoring case. */
    public synchronized List<KeySet> all() {
        return sets;
    }

    /** The set with this name, ignoring case and surrounding spaces. */
    public Optional<KeySet> find(String name) {
        return name == null ? Optional.empty()
                : all().stream().filter(s -> Names.same(s.name(), name.strip())).findFirst();
    }

    /** Sets whose name, description, service name or ID, or any key contains {@code text}, ignoring case. */
    public List<KeySet> search(String text) {
        String needle = text == null ? "" : Names.fold(text.strip());
        if (needle.isEmpty()) {
            return all();
        }
        return all().stream().filter(s -> contains(s.name(), needle) || contains(s.description(), needle)
                || contains(s.serviceName(), needle) || contains(s.serviceId(), needle)
                || s.keys().stream().anyMatch(k -> contains(k, needle))).toList();
    }

    /** Adds a new set, created and updated now. */
    public KeySet create(KeySet set) throws IOException {
        return edit(d -> {
            d.requireFree(set.name(), null);
            Instant now = now();
            return put(d, set.withTimes(now, now));
        });
    }

    /** Replaces the set called {@code oldName} (which may be renamed); it keeps its created time, updated now. */
    public KeySet update(String oldName, KeySet set) throws IOException {
        return edit(d -> {
            KeySet old = d.require(oldName);
            d.requireFree(set.name(), old);
            d.remove(old);
            return put(d, set.withTimes(old.created(), now()));
        });
    }

    /** Copies a set as "Name (copy)", or "(copy 2)", … when taken; the copy is created now. */
    public KeySet duplicate(String name) throws IOException {
        return edit(d -> {
            KeySet original = d.require(name);
            Instant now = now();
            return put(d, original.withName(Names.unique(Names.copyBase(original.name()), "copy", d::taken)).withTimes(now, now));
        });
    }

    public void delete(String name) throws IOException {
        edit(d -> {
            d.remove(d.require(name));
            return null;
        });
    }

    /** Puts a deleted set back as it was (its times kept; a set that never had times gets now), for undo. */
    public KeySet restore(KeySet deleted) throws IOException {
        return edit(d -> {
            d.requireFree(deleted.name(), null);
            return put(d, withTimes(deleted));
        });
    }

    /** Runs after every saved change, on the thread that made it. */
    public void addListener(Runnable onChange) {
        listeners.add(onChange);
    }

    public void removeListener(Runnable onChange) {
        listeners.remove(onChange);
    }

    /**
     * Applies {@code change} to a copy of the sets and, if it changed anything, saves it in one write. The file is
     * read again under a lock shared with other processes, and the change applied to what it holds now, so a set
     * saved by the command line or another window since this store last looked is kept, not overwritten.
     */
    <T> T edit(Function<Draft, T> change) throws IOException {
        T result;
        synchronized (this) {
            if (!writable) {
                throw new IOException("Key sets cannot be saved while " + file.path() + " can be neither read nor set aside."
                        + " Fix or remove that file and restart PurgeDeck.");
            }
            Edited<T> edited = StoreLock.locked(file.path(), () -> {
                List<KeySet> fresh = file.reload(sets).stream().map(this::withTimes).sorted(Names.ORDER).toList();
                Draft draft = new Draft(fresh);
                T r = change.apply(draft);
                if (!draft.changed()) {
                    return new Edited<>(r, fresh, false);
                }
                List<KeySet> next = draft.sorted();
                file.save(next);
                return new Edited<>(r, next, true);
            });
            boolean news = !edited.sets().equals(sets);
            sets = edited.sets();
            result = edited.result();
            if (!edited.saved() && !news) {
                return result;
            }
        }
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // The change is saved; one broken listener must not make it look failed or starve the others.
                LOG.log(System.Logger.Level.WARNING, "Key set listener failed", e);
            }
        }
        return result;
    }

    private record Edited<T>(T result, List<KeySet> sets, boolean saved) {
    }

    /** Now, to the second: finer times add nothing for people and make the file noisier. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The set with missing times filled in with now. */
    KeySet withTimes(KeySet set) {
        Instant now = now();
        return set.withTimes(set.created() == null ? now : set.created(), set.updated() == null ? now : set.updated());
    }

    private static KeySet put(Draft d, KeySet set) {
        d.put(set);
        return set;
    }

    private static boolean contains(String haystack, String foldedNeedle) {
        return !haystack.isEmpty() && Names.fold(haystack).contains(foldedNeedle);
    }
}
