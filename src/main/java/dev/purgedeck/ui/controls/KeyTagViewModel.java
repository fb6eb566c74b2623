package dev.purgedeck.ui.controls;

import dev.purgedeck.fastly.KeyBatcher;
import dev.purgedeck.fastly.Validation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/** The surrogate keys being prepared for a purge: entries in order, which are valid, and the wording shown for them. */
// Like any JavaFX property holder this is confined to one thread: the FX thread in the app, the test thread in tests.
public final class KeyTagViewModel {
    /** What one add did: valid keys added, duplicates dropped, invalid keys added (shown, never sent). */
    public record AddResult(int added, int duplicates, int invalid) {
    }

    static final String NO_KEYS = "No keys yet";

    private final ObservableList<KeyEntry> backing = FXCollections.observableArrayList();
    private final ObservableList<KeyEntry> entries;
    // Every key present, valid or not, so duplicate checks are O(1) and a 10,000-key paste stays O(n).
    private final Set<String> index = new HashSet<>();
    private final ReadOnlyIntegerWrapper validCount = new ReadOnlyIntegerWrapper(this, "validCount");
    private final ReadOnlyIntegerWrapper invalidCount = new ReadOnlyIntegerWrapper(this, "invalidCount");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", NO_KEYS);
    private int valid;
    private int invalid;
    // Duplicates dropped by the latest mutation; the notice reports them until the next change.
    private int droppedDuplicates;

    public KeyTagViewModel() {
        // Registered before the read-only view exists, so index and counts are current when outside listeners run.
        backing.addListener(this::track);
        // Read-only to callers: every mutation goes through the methods below, which keep the index honest.
        entries = FXCollections.unmodifiableObservableList(backing);
    }

    // ---- Properties

    /** The entries in the order they were added; read-only, change them through this model's methods. */
    public ObservableList<KeyEntry> entries() {
        return entries;
    }

    public ReadOnlyIntegerProperty validCountProperty() {
        return validCount.getReadOnlyProperty();
    }

    public int getValidCount() {
        return validCount.get();
    }

    public ReadOnlyIntegerProperty invalidCountProperty() {
        return invalidCount.getReadOnlyProperty();
    }

    public int getInvalidCount() {
        return invalidCount.get();
    }

    /** What the latest change dropped and what will not be sent, e.g. "2 duplicate keys dropped"; empty when nothing. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public String getNotice() {
        return notice.get();
    }

    /** "N keys → M requests" for the valid keys, "No keys yet" when empty. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public String getSummary() {
        return summary.get();
    }

    /** The keys that will be sent, in order. */
    public List<String> validKeys() {
        return backing.stream().filter(KeyEntry::valid).map(KeyEntry::key).toList();
    }

    // ---- Commands

    /** Adds every key in pasted or typed text, split on white space and commas, as one list change. */
    public AddResult addText(String raw) {
        return add(KeySplitter.split(raw), false);
    }

    /** Adds each element as one key (surrounding white space stripped, blanks skipped), as one list change. */
    public AddResult addAll(Collection<String> keys) {
        return add(KeySplitter.stripped(keys), false);
    }

    /** Replaces all entries with {@code keys} under the same rules as {@link #addAll}. */
    public AddResult setAll(Collection<String> keys) {
        return add(KeySplitter.stripped(keys), true);
    }

    public boolean remove(KeyEntry entry) {
        droppedDuplicates = 0;
        boolean removed = backing.remove(entry);
        refresh();
        return removed;
    }

    /** Removes several entries as one list change (e.g. a multi-selection). */
    public boolean removeAll(Collection<KeyEntry> toRemove) {
        droppedDuplicates = 0;
        boolean removed = backing.removeAll(new HashSet<>(toRemove));
        refresh();
        return removed;
    }

    /** Removes the newest entry; false when there was none. */
    public boolean removeLast() {
        return !backing.isEmpty() && remove(backing.get(backing.size() - 1));
    }

    public void clear() {
        droppedDuplicates = 0;
        backing.clear();
        refresh();
    }

    // ---- Internals

    private AddResult add(List<String> keys, boolean replace) {
        Set<String> seen = new HashSet<>(Math.max(16, keys.size() * 2));
        List<KeyEntry> fresh = new ArrayList<>(keys.size());
        int duplicates = 0;
        int bad = 0;
        for (String key : keys) {
            // Exact match on purpose: Fastly surrogate keys are case-sensitive.
            if (!seen.add(key) || (!replace && index.contains(key))) {
                duplicates++;
                continue;
            }
            String problem = Validation.keyProblem(key).orElse(null);
            bad += problem == null ? 0 : 1;
            fresh.add(new KeyEntry(key, problem));
        }
        droppedDuplicates = duplicates;
        if (replace) {
            backing.setAll(fresh);
        } else if (!fresh.isEmpty()) {
            backing.addAll(fresh); // one change event, however many keys
        }
        refresh(); // also when nothing changed, so "3 duplicate keys dropped" still shows
        return new AddResult(fresh.size() - bad, duplicates, bad);
    }

    private void track(ListChangeListener.Change<? extends KeyEntry> c) {
        while (c.next()) {
            for (KeyEntry e : c.getRemoved()) {
                index.remove(e.key());
                if (e.valid()) {
                    valid--;
                } else {
                    invalid--;
                }
            }
            for (KeyEntry e : c.getAddedSubList()) {
                index.add(e.key());
                if (e.valid()) {
                    valid++;
                } else {
                    invalid++;
                }
            }
        }
        refresh();
    }

    private void refresh() {
        validCount.set(valid);
        invalidCount.set(invalid);
        List<String> parts = new ArrayList<>(2);
        if (droppedDuplicates > 0) {
            parts.add(count(droppedDuplicates, "duplicate key", "duplicate keys") + " dropped");
        }
        if (invalid > 0) {
            parts.add(count(invalid, "invalid key", "invalid keys") + " will not be sent");
        }
        notice.set(String.join(" · ", parts));
        summary.set(backing.isEmpty() ? NO_KEYS
                : valid == 0 ? "No valid keys"
                : count(valid, "key", "keys") + " → " + count(KeyBatcher.requestCount(valid), "request", "requests"));
    }

    private static String count(int n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }
}
