package dev.purgedeck.history;

import java.util.List;

/**
 * What {@link HistoryStore#load()} read: every readable entry, oldest first, and how many lines it had to skip
 * (torn by a crash or edited by hand). Skipped lines stay in the file; nothing is ever deleted.
 *
 * @param entries      the readable entries in file order (unmodifiable)
 * @param skippedLines lines that were not a valid entry
 */
public record LoadResult(List<HistoryEntry> entries, int skippedLines) {
}
