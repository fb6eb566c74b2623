package dev.purgedeck.cli;

import dev.purgedeck.history.JobContext;
import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.KeySetStore;
import dev.purgedeck.team.SharedKeySets;
import dev.purgedeck.team.SharedListing;
import dev.purgedeck.team.TeamConnection;
import dev.purgedeck.team.TeamSettings;
import dev.purgedeck.team.TeamSettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Opens the window's key sets and the team's shared ones, and finds one by name, with messages that say what exists.
 * A personal set wins over a shared one of the same name; {@code team:NAME} asks for the shared one.
 */
final class KeySetAccess {
    /** The prefix that names a shared set ({@code --keyset team:Sport}) and marks one in {@code keysets list}. */
    static final String TEAM = "team:";

    private KeySetAccess() {
    }

    /** The store in the shared data directory; a damaged file is reported on stderr, as the window shows it. */
    static KeySetStore open(CliContext ctx) {
        KeySetStore store = KeySetStore.open(ctx.dataDir(), Clock.systemUTC());
        store.problem().ifPresent(p -> ctx.warn("purgedeck: " + p));
        return store;
    }

    /** The team's shared sets when a team database is set up (from the offline copy while it is away). */
    static Optional<SharedListing> shared(CliContext ctx) {
        TeamSettingsStore store = new TeamSettingsStore(ctx.dataDir());
        Optional<TeamSettings> settings = store.load().filter(s -> s.problem().isEmpty());
        return settings.map(s -> new SharedKeySets(new TeamConnection(s, store.passwords(ctx.env(),
                Path.of(ctx.home()))), ctx.dataDir(), SharedKeySets.who(JobContext.currentUser(),
                TeamSettingsStore.computerName(ctx.env()), ""), Clock.systemUTC()).list());
    }

    /** The set with this name (ignoring case), or a usage failure listing the names there are. */
    static KeySet require(KeySetStore store, String name) {
        return store.find(name).orElseThrow(() -> CliFailure.usage("there is no key set named "
                + TerminalText.quoted(name) + "; "
                + (store.all().isEmpty() ? "there are no key sets yet"
                : "the key sets are: " + store.all().stream().map(KeySet::name).collect(Collectors.joining(", ")))));
    }

    /**
     * The personal set called {@code name}, else the team's; {@code team:NAME} only the team's. An offline team
     * database is said on stderr (the offline copy is used).
     */
    static KeySet find(CliContext ctx, String name) {
        boolean forced = name.toLowerCase(Locale.ROOT).startsWith(TEAM);
        String wanted = forced ? name.substring(TEAM.length()) : name;
        KeySetStore store = open(ctx);
        Optional<KeySet> personal = forced ? Optional.empty() : store.find(wanted);
        if (personal.isPresent()) {
            return personal.get();
        }
        Optional<SharedListing> team = shared(ctx);
        team.filter(SharedListing::offline).ifPresent(t -> ctx.warn("purgedeck: team key sets "
                + t.offlineText(java.time.ZoneId.systemDefault()) + " (" + t.problem() + "); using the offline copy"));
        Optional<KeySet> shared = team.flatMap(t -> t.find(wanted)).map(s -> s.set());
        if (shared.isPresent()) {
            return shared.get();
        }
        List<String> names = Stream.concat(forced ? Stream.empty() : store.all().stream().map(KeySet::name),
                team.stream().flatMap(t -> t.sets().stream()).map(s -> TEAM + s.name())).toList();
        String where = forced ? team.isEmpty() ? "no team database is set up ('purgedeck team status')"
                : names.isEmpty() ? "the team has no shared key sets" : "the team's key sets are: "
                + String.join(", ", names) : names.isEmpty() ? "there are no key sets yet" : "the key sets are: "
                + String.join(", ", names);
        throw CliFailure.usage("there is no " + (forced ? "shared key set" : "key set") + " named "
                + TerminalText.quoted(wanted) + "; " + where);
    }
}
