package dev.purgedeck.cli;

import dev.purgedeck.keysets.Conflict;
import dev.purgedeck.keysets.ImportProblem;
import dev.purgedeck.keysets.ImportResult;
import dev.purgedeck.keysets.ImportSummary;
import dev.purgedeck.keysets.InvalidKeySetException;
import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.KeySetFiles;
import dev.purgedeck.keysets.KeySetImporter;
import dev.purgedeck.keysets.KeySetStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code purgedeck keysets import FILE}: adds the sets of a JSON export or a text key list. Like a purge, it is all or
 * nothing: a bad key (named with its line) or an unresolved name clash imports nothing.
 */
@Command(name = "import", addMethodSubcommands = false, versionProvider = RootCommand.VersionText.class,
        sortOptions = false, usageHelpWidth = 100, descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        description = "Imports key sets from a JSON export (of the window or 'keysets export') or from a text file "
                + "with one key per line (the 'fastly purge --file' format).")
final class KeySetsImport extends StandardOptions {
    @Parameters(paramLabel = "FILE", description = "The file to import; - reads stdin.")
    String file;

    @Option(names = "--on-conflict", paramLabel = "ACTION",
            description = "When a set of the same name exists: replace, rename (adds it as 'NAME (imported)') or "
                    + "skip. Without it such an import is refused.")
    Conflict onConflict;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The name for a text file's set (default: the file name without its extension).")
    String name;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json or text (default: json for *.json or content starting with { or [, else text).")
    KeySetFormat format;

    private final CliContext ctx;

    KeySetsImport(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String text = InputFiles.read(ctx, file, "import", 0);
        KeySetFormat f = format != null ? format : KeySetFormat.of(file, text);
        ImportResult result = read(f, text);
        if (!result.problems().isEmpty()) {
            List<String> lines = new ArrayList<>(result.problems().stream().map(p -> describe(f, p)).toList());
            lines.add("nothing was imported; fix the file and import it again");
            throw CliFailure.usage(lines);
        }
        if (result.sets().isEmpty() || result.sets().stream().allMatch(s -> s.keys().isEmpty())) {
            throw CliFailure.usage(file + " holds no keys; nothing was imported");
        }
        KeySetStore store = KeySetAccess.open(ctx);
        List<String> taken = KeySetImporter.conflicts(store, result);
        if (!taken.isEmpty() && onConflict == null) {
            throw CliFailure.usage("a key set named '" + String.join("', '", taken) + "' exists already: use "
                    + "--on-conflict replace, rename or skip; nothing was imported");
        }
        ImportSummary s;
        try {
            s = KeySetImporter.apply(store, result, n -> onConflict);
        } catch (IOException e) {
            throw CliFailure.failed("the key sets could not be saved: " + e.getMessage());
        }
        ctx.out().println(TerminalText.safe(String.format("Imported %s: %d added, %d replaced, %d renamed, %d skipped.",
                result.sets().size() == 1 ? "'" + result.sets().get(0).name() + "'" : result.sets().size() + " key sets",
                s.added(), s.replaced(), s.renamed(), s.skipped())));
        return Cli.OK;
    }

    private ImportResult read(KeySetFormat f, String text) {
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        try {
            if (f == KeySetFormat.JSON) {
                if (name != null) {
                    throw CliFailure.usage("--name is for text files; a JSON file names its own key sets");
                }
                return KeySetFiles.readJson(in);
            }
            return KeySetFiles.readText(setName(), in);
        } catch (IOException e) {
            throw CliFailure.usage(file + " is not a key set file: " + e.getMessage());
        } catch (InvalidKeySetException e) {
            throw CliFailure.usage(e.getMessage());
        }
    }

    private String setName() {
        if (name != null) {
            return name;
        }
        if (file.equals("-")) {
            throw CliFailure.usage("a key list read from stdin needs --name NAME");
        }
        String base = Path.of(file).getFileName().toString();
        int dot = base.lastIndexOf('.');
        String n = dot > 0 ? base.substring(0, dot) : base;
        KeySet.nameProblem(n).ifPresent(p -> {
            throw CliFailure.usage(p + " Give one with --name.");
        });
        return n;
    }

    private String describe(KeySetFormat f, ImportProblem p) {
        if (f == KeySetFormat.TEXT) {
            return file + " line " + p.line() + ": '" + p.item() + "' " + p.reason();
        }
        String set = p.setName().isEmpty() ? "a key set" : "key set '" + p.setName() + "'";
        return p.line() == 0 ? file + ": " + set + ": " + p.reason()
                : file + ": " + set + ", key " + p.line() + ": '" + p.item() + "' " + p.reason();
    }
}
