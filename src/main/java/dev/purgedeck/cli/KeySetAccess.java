package dev.purgedeck.cli;

import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.KeySetStore;
import java.time.Clock;
import java.util.stream.Collectors;

/** Opens the window's key sets and finds one by name, with messages that say what exists. */
final class KeySetAccess {
    private KeySetAccess() {
    }

    /** The store in the shared data directory; a damaged file is reported on stderr, as the window shows it. */
    static KeySetStore open(CliContext ctx) {
        KeySetStore store = KeySetStore.open(ctx.dataDir(), Clock.systemUTC());
        store.problem().ifPresent(p -> ctx.warn("purgedeck: " + p));
        return store;
    }

    /** The set with this name (ignoring case), or a usage failure listing the names there are. */
    static KeySet require(KeySetStore store, String name) {
        return store.find(name).orElseThrow(() -> CliFailure.usage("there is no key set named "
                + TerminalText.quoted(name) + "; "
                + (store.all().isEmpty() ? "there are no key sets yet"
                : "the key sets are: " + store.all().stream().map(KeySet::name).collect(Collectors.joining(", ")))));
    }
}
