package dev.purgedeck.history;

import java.util.List;

/**
 * One part of a history being loaded newest first ({@link HistoryStore#loadNewestFirst}): a run of whole lines that
 * ends where the previous part began, so the parts, in the order they arrive, cover the file from its end back to its
 * start.
 *
 * @param entries      the part's readable entries in file order (oldest first)
 * @param skippedLines lines of the part that were not a valid entry
 * @param bytesRead    bytes read so far, this part included
 * @param bytesTotal   bytes to read in all
 */
public record LoadPart(List<HistoryEntry> entries, int skippedLines, long bytesRead, long bytesTotal) {
}
