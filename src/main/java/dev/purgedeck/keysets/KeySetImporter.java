package dev.purgedeck.keysets;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Adds imported key sets to a store, asking what to do about each name that is already taken. The whole import is
 * saved in one write, so it lands completely or not at all and the backup holds the sets from before it.
 */
public final class KeySetImporter {
    private KeySetImporter() {
    }

    /** The imported names that already exist in the store (ignoring case), spelt as in the import, in its order. */
    public static List<String> conflicts(KeySetStore store, ImportResult result) {
        return result.sets().stream().map(KeySet::name).filter(n -> store.find(n).isPresent()).toList();
    }

    /**
     * Adds every set of {@code result}. New names are added with the times the file gave them (so an export and
     * re-import is faithful; missing times become now). For a taken name {@code resolve} decides, once per name and
     * before anything is written: REPLACE keeps the existing set's created time and sets updated to now; RENAME adds
     * it as "Name (imported)", "Name (imported 2)", …; SKIP, or a null answer, leaves it out.
     */
    public static ImportSummary apply(KeySetStore store, ImportResult result, Function<String, Conflict> resolve)
            throws IOException {
        // Ask first, outside the store's lock: the answer may come from a dialog.
        Map<String, Conflict> answers = new HashMap<>();
        for (String name : conflicts(store, result)) {
            answers.put(Names.fold(name), ask(resolve, name));
        }
        return store.edit(d -> {
            int added = 0;
            int replaced = 0;
            int renamed = 0;
            int skipped = 0;
            for (KeySet set : result.sets()) {
                Optional<KeySet> existing = d.find(set.name());
                if (existing.isEmpty()) {
                    d.put(store.withTimes(set));
                    added++;
                    continue;
                }
                // A name taken only within this import (two sets differing in case) was not asked about yet.
                Conflict answer = answers.computeIfAbsent(Names.fold(set.name()), k -> ask(resolve, set.name()));
                switch (answer) {
                    case REPLACE -> {
                        d.remove(existing.get());
                        d.put(set.withTimes(existing.get().created(), store.now()));
                        replaced++;
                    }
                    case RENAME -> {
                        d.put(store.withTimes(set.withName(Names.unique(set.name(), "imported", d::taken))));
                        renamed++;
                    }
                    case SKIP -> skipped++;
                    default -> { }
                }
            }
            return new ImportSummary(added, replaced, renamed, skipped);
        });
    }

    private static Conflict ask(Function<String, Conflict> resolve, String name) {
        return Objects.requireNonNullElse(resolve.apply(name), Conflict.SKIP);
    }
}
