package dev.purgedeck.cli;

import dev.purgedeck.files.AtomicFiles;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.Unrecorded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a purge does with outcomes the history could not take (a full disk): they are saved to a file of their own
 * beside the history, in the history's line format so they can be appended later, or, when even that fails, printed
 * on stderr; one plain line says which. A purge that lost its record ends with {@link Cli#NOT_RECORDED}.
 */
final class UnrecordedOutcomes {
    private UnrecordedOutcomes() {
    }

    /** The targets of this job that are not in the history. */
    static Set<String> targets(Unrecorded u, String jobId) {
        return u.entries().stream().filter(e -> e.jobId().equals(jobId)).map(HistoryEntry::target)
                .collect(Collectors.toSet());
    }

    /** Saves or prints the unrecorded outcomes and says so on stderr; returns the problem in one line (for JSON). */
    static String keep(CliContext ctx, Unrecorded u, String jobId) {
        int n = u.entries().size();
        String what = String.format(Locale.ROOT, "%,d outcome%s could not be written to the history %s (%s)", n,
                n == 1 ? "" : "s", ctx.historyFile(), u.problem());
        byte[] lines = u.asLines();
        Path side = ctx.dataDir().resolve("history-unrecorded-" + jobId + ".jsonl");
        try {
            AtomicFiles.write(side, lines);
            String line = what + "; they were saved to " + side + ": append them to the history when there is room"
                    + " (cat " + side + " >> " + ctx.historyFile() + ")";
            ctx.warn("purgedeck: " + line);
            return line;
        } catch (IOException e) {
            String line = what + ", nor saved to " + side + " (" + e.getMessage() + "); they follow on stderr, one"
                    + " history line each: keep them";
            ctx.warn("purgedeck: " + line);
            ctx.err().print(ctx.scrub(new String(lines, StandardCharsets.UTF_8)));
            ctx.err().flush();
            return line;
        }
    }
}
