package dev.purgedeck.cli;

import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.KeySetFiles;
import dev.purgedeck.keysets.KeySetStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code purgedeck keysets export [NAME]}: one set as a key list or JSON, or every set as JSON. */
@Command(name = "export", addMethodSubcommands = false, versionProvider = RootCommand.VersionText.class,
        sortOptions = false, usageHelpWidth = 100, descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        description = {"Exports a key set: as text, one key per line (what 'fastly purge --file' and "
                + "'purgedeck purge --keys-file' read), or as JSON that 'keysets import' reads back with its "
                + "description, service and soft/hard. Without NAME, every set is exported as JSON."})
final class KeySetsExport extends StandardOptions {
    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The key set (case does not matter).")
    String name;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text or json (default: json for an --output named *.json or without NAME, else text).")
    KeySetFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    String output;

    private final CliContext ctx;

    KeySetsExport(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        KeySetStore store = KeySetAccess.open(ctx);
        List<KeySet> sets = name == null ? store.all() : List.of(KeySetAccess.require(store, name));
        KeySetFormat f = format != null ? format : name == null ? KeySetFormat.JSON : KeySetFormat.byName(output);
        if (f == KeySetFormat.TEXT && name == null) {
            throw CliFailure.usage("a key list holds one set: name it, or use --format json to export them all");
        }
        if (output == null) {
            write(sets, f, ctx.out());
            return Cli.OK;
        }
        try (OutputStream out = Files.newOutputStream(Path.of(output))) {
            write(sets, f, out);
        } catch (IOException | InvalidPathException e) {
            throw CliFailure.failed("cannot write " + output + ": " + e.getMessage());
        }
        int keys = sets.stream().mapToInt(s -> s.keys().size()).sum();
        ctx.out().println(TerminalText.safe(String.format("Exported %s (%,d keys) to %s.", sets.size() == 1
                ? "'" + sets.get(0).name() + "'" : sets.size() + " key sets", keys, output)));
        return Cli.OK;
    }

    private static void write(List<KeySet> sets, KeySetFormat f, OutputStream out) {
        try {
            if (f == KeySetFormat.JSON) {
                KeySetFiles.writeJson(sets, out);
            } else {
                KeySetFiles.writeText(sets.get(0), out);
            }
        } catch (IOException e) {
            throw CliFailure.failed("cannot write the key sets: " + e.getMessage());
        }
    }
}
