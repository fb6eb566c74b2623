package dev.purgedeck.ui.keysets;

import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.keysets.Conflict;
import dev.purgedeck.keysets.KeySet;
import java.util.Optional;

/** The wording of the key set questions: the purge confirmation and the import conflict choices. */
final class KeySetPurge {
    private KeySetPurge() {
    }

    /** "Purge 3 keys of “Sport” on News (SVC)?", naming the console's service when the set has none. */
    static String question(KeySet set, Optional<ServiceInfo> current) {
        String service = !set.serviceId().isBlank() ? ServiceInfo.named(set.serviceId(), set.serviceName()).label()
                : current.map(ServiceInfo::label).orElse("no service (choose one on the Purge screen)");
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
