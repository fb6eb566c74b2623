package dev.purgedeck.ui.keysets;

import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.ui.Dialogs;
import java.util.function.Supplier;

/** Purging a whole key set in one click, after a confirmation naming the set, the service and the key count. */
final class KeySetPurge {
    private KeySetPurge() {
    }

    /** @param currentService the console's chosen service as {id, name}, used when the set has none */
    static void confirmAndPurge(KeySetsViewModel vm, Dialogs dialogs, Supplier<String[]> currentService, KeySet set) {
        if (set == null) {
            return;
        }
        String[] current = currentService.get();
        String service = !set.serviceId().isBlank()
                ? (set.serviceName().isBlank() ? set.serviceId() : set.serviceName() + " (" + set.serviceId() + ")")
                : current == null || current[0] == null ? "no service (choose one on the Purge screen)"
                : (current[1].isBlank() ? current[0] : current[1] + " (" + current[0] + ")");
        String keys = KeySetsViewModel.count(set.keys().size());
        if (dialogs.confirm("Purge \u201c" + set.name() + "\u201d?", (set.soft() ? "Soft-purge " : "Purge ") + keys
                + " of \u201c" + set.name() + "\u201d on " + service + "?", "Purge " + keys)) {
            vm.purge(set, current == null ? null : current[0]);
        }
    }
}
