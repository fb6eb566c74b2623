package dev.purgedeck.cli;

import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.KeySetStore;
import dev.purgedeck.team.SharedKeySet;
import dev.purgedeck.team.SharedListing;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code purgedeck keysets list}: one line per key set. */
@Command(name = "list", addMethodSubcommands = false, versionProvider = RootCommand.VersionText.class,
        descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        description = "Lists the key sets: name, number of keys, service, soft or hard, last change. With a team "
                + "database, the sets shared with the team follow, marked team:NAME, with who changed them last.")
final class KeySetsList extends StandardOptions {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final CliContext ctx;

    KeySetsList(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        KeySetStore store = KeySetAccess.open(ctx);
        Optional<SharedListing> team = KeySetAccess.shared(ctx);
        List<SharedKeySet> shared = team.map(SharedListing::sets).orElse(List.of());
        if (store.all().isEmpty() && shared.isEmpty()) {
            ctx.out().println("No key sets yet. Save one in the window, or use 'purgedeck keysets import FILE'.");
            return Cli.OK;
        }
        // With a team, shared sets follow the personal ones, marked team: (as --keyset takes them), with who changed
        // them last; without one the table is as it always was.
        TextTable t = team.isEmpty() ? new TextTable("NAME", "KEYS", "SERVICE", "PURGE", "UPDATED")
                : new TextTable("NAME", "KEYS", "SERVICE", "PURGE", "UPDATED", "BY");
        for (KeySet s : store.all()) {
            String[] row = {s.name(), String.valueOf(s.keys().size()), service(s), s.soft() ? "soft" : "hard",
                time(s.updated()), ""};
            t.add(team.isEmpty() ? Arrays.copyOf(row, 5) : row);
        }
        for (SharedKeySet sk : shared) {
            KeySet s = sk.set();
            t.add(KeySetAccess.TEAM + s.name(), String.valueOf(s.keys().size()), service(s),
                    s.soft() ? "soft" : "hard", time(sk.changedAt()), sk.changedBy());
        }
        ctx.out().print(t.render());
        team.filter(SharedListing::offline).ifPresent(l -> ctx.out().println("Team key sets: "
                + l.offlineText(ZoneId.systemDefault()) + ", shown from the offline copy (" + l.problem() + ")."));
        ctx.out().flush();
        return Cli.OK;
    }

    static String service(KeySet s) {
        if (s.serviceId().isBlank()) {
            return "";
        }
        return s.serviceName().isBlank() ? s.serviceId() : s.serviceName() + " (" + s.serviceId() + ")";
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t.atZone(ZoneId.systemDefault()));
    }
}
