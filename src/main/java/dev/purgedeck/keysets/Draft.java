package dev.purgedeck.keysets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** A working copy of the store's sets that a change edits; the store saves it in one write if anything changed. */
final class Draft {
    private final Map<String, KeySet> byName = new HashMap<>();
    private boolean changed;

    Draft(List<KeySet> sets) {
        sets.forEach(s -> byName.put(Names.fold(s.name()), s));
    }

    Optional<KeySet> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(Names.fold(name.strip())));
    }

    KeySet require(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException("There is no key set named '" + name + "'."));
    }

    boolean taken(String name) {
        return find(name).isPresent();
    }

    /** Throws when {@code name} belongs to a set other than {@code self} (null when the set is new). */
    void requireFree(String name, KeySet self) {
        Optional<KeySet> holder = find(name);
        if (holder.isPresent() && (self == null || !Names.same(holder.get().name(), self.name()))) {
            throw new DuplicateNameException(holder.get().name());
        }
    }

    void put(KeySet set) {
        byName.put(Names.fold(set.name()), set);
        changed = true;
    }

    void remove(KeySet set) {
        changed |= byName.remove(Names.fold(set.name())) != null;
    }

    boolean changed() {
        return changed;
    }

    List<KeySet> sorted() {
        return byName.values().stream().sorted(Names.ORDER).toList();
    }
}
