package dev.purgedeck.cli;

import dev.purgedeck.history.JobNotes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The job notes beside a history file, as the command line merges them into what it prints: a verdict learned after
 * an entry was written, and per job the impact summary and the team notice. Kept apart from the reading of the
 * history so any way of reading it (the whole file, or a stream) can merge them the same way.
 */
final class CliJobNotes {
    private CliJobNotes() {
    }

    /**
     * The notes of {@code historyFile}; unreadable notes are said once and leave the history as it is. Merge a verdict
     * into an entry with {@link JobNotes.Index#apply} (one entry) or {@link JobNotes.Index#applyAll}.
     */
    static JobNotes.Index load(CliContext ctx, Path historyFile) {
        // No notes file (no purge was ever verified): the test JobNotes#load makes, made here so that JobNotes, which
        // builds its JSON mapper (tens of milliseconds of a short run) when it is first used, is not used at all.
        if (!Files.exists(historyFile.toAbsolutePath().resolveSibling(JobNotes.FILE_NAME))) {
            return new JobNotes.Index(List.of());
        }
        try {
            return JobNotes.besideHistory(historyFile).index();
        } catch (IOException | RuntimeException e) {
            ctx.warn("purgedeck: the job notes beside " + historyFile + " cannot be read (" + e.getMessage()
                    + "); verdicts found after a purge and impact summaries are left out");
            return new JobNotes.Index(List.of());
        }
    }
}
