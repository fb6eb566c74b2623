package dev.purgedeck.ui.keysets;

import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.Conflict;

/** The wording of the key set questions: the purge confirmation and the import conflict choices. */
final class KeySetPurge {
    private KeySetPurge() {
    }

    /** "Purge 3 keys of “Sport” on News (SVC)?", naming the console's service {id, name} when the set has none. */
    static String question(KeySet set, String[] current) {
        String service = !set.serviceId().isBlank()
                ? (set.serviceName().isBlank() ? set.serviceId() : set.serviceName() + " (" + set.serviceId() + ")")
                : current == null || current[0] == null ? "no service (choose one on the Purge screen)"
                : (current[1].isBlank() ? current[0] : current[1] + " (" + current[0] + ")");
        return (set.soft() ? "Soft-purge " : "Purge ") + KeySetsViewModel.count(set.keys().size()) + " of \u201c"
                + set.name() + "\u201d on " + service + "?";
    }

    static String label(Conflict c) {
        return switch (c) {
            case REPLACE -> "Replace it";
            case RENAME -> "Keep both (rename the import)";
            case SKIP -> "Skip it";
        };
    }
}
