package dev.purgedeck.keysets;

/** What an import did, for the message the user sees afterwards. */
public record ImportSummary(int added, int replaced, int renamed, int skipped) {
}
