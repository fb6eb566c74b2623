package dev.purgedeck.cli;

import dev.purgedeck.keysets.KeySet;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code purgedeck keysets show NAME}: one key set with all its keys. */
@Command(name = "show", addMethodSubcommands = false, versionProvider = RootCommand.VersionText.class,
        descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        description = "Shows a key set: its description, service, soft or hard, times, and every key.")
final class KeySetsShow extends StandardOptions {
    @Parameters(paramLabel = "NAME", description = "The key set's name (case does not matter).")
    String name;

    private final CliContext ctx;

    KeySetsShow(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        KeySet s = KeySetAccess.find(ctx, name);
        PrintStream out = ctx.out();
        StringBuilder b = new StringBuilder();
        line(b, "Name", s.name());
        line(b, "Description", s.description());
        line(b, "Service", KeySetsList.service(s));
        line(b, "Purge", s.soft() ? "soft" : "hard");
        line(b, "Created", KeySetsList.time(s.created()));
        line(b, "Updated", KeySetsList.time(s.updated()));
        b.append("Keys (").append(s.keys().size()).append("):").append(System.lineSeparator());
        for (String key : s.keys()) {
            b.append("  ").append(key).append(System.lineSeparator());
        }
        if (!s.sampleUrls().isEmpty()) {
            b.append("Pages to check (").append(s.sampleUrls().size()).append("):").append(System.lineSeparator());
            s.sampleUrls().forEach(u -> b.append("  ").append(u).append(System.lineSeparator()));
        }
        out.print(b);
        out.flush();
        return Cli.OK;
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format("%-13s", label + ":")).append(value.isEmpty() ? "-" : value)
                .append(System.lineSeparator());
    }
}
