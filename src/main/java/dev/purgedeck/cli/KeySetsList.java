package dev.purgedeck.cli;

import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.KeySetStore;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code purgedeck keysets list}: one line per key set. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = RootCommand.VersionText.class,
        descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        description = "Lists the key sets: name, number of keys, service, soft or hard, last change.")
final class KeySetsList implements Callable<Integer> {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final CliContext ctx;

    KeySetsList(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        KeySetStore store = KeySetAccess.open(ctx);
        if (store.all().isEmpty()) {
            ctx.out().println("No key sets yet. Save one in the window, or use 'purgedeck keysets import FILE'.");
            return Cli.OK;
        }
        TextTable t = new TextTable("NAME", "KEYS", "SERVICE", "PURGE", "UPDATED");
        for (KeySet s : store.all()) {
            t.add(s.name(), String.valueOf(s.keys().size()), service(s), s.soft() ? "soft" : "hard", time(s.updated()));
        }
        ctx.out().print(t.render());
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
