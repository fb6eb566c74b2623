package dev.purgedeck.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A fact learned about a job after its entries were written to the history: a page's verdict, the impact summary, the
 * team notice's delivery. Kept in {@link JobNotes}, so an entry is written the moment its outcome is known and a crash
 * before the later fact arrives loses only that fact, never the purge.
 *
 * @param jobId   the job the note is about
 * @param entryId the entry it is about ({@link HistoryEntry#stableId()}), or null for a note about the whole job
 * @param kind    what the note says: {@link #VERDICT}, {@link #IMPACT} or {@link #NOTICE}
 * @param time    when it was learned (UTC, to the millisecond)
 * @param text    for a verdict the {@code edge.Freshness} id, for the others the plain-words line
 * @param detail  for a verdict its reason; otherwise null
 */
public record JobNote(String jobId, String entryId, String kind, Instant time, String text, String detail) {
    /** A look at the item's page after the purge (entry-level). */
    public static final String VERDICT = "verdict";
    /** The one-line summary of what the purge did to the hit ratio and the origin (job-level). */
    public static final String IMPACT = "impact";
    /** Whether the team notice (webhook) was delivered, in plain words (job-level). */
    public static final String NOTICE = "notice";

    public JobNote {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(text, "text");
        time = time.truncatedTo(ChronoUnit.MILLIS);
        entryId = entryId == null || entryId.isEmpty() ? null : entryId;
        detail = detail == null || detail.isEmpty() ? null : detail;
    }

    /** The verdict of a look at {@code entry}'s page. */
    public static JobNote verdict(HistoryEntry entry, String verdictId, String reason, Instant time) {
        return new JobNote(entry.jobId(), entry.stableId(), VERDICT, time, verdictId, reason);
    }

    /** A note about the whole job. */
    public static JobNote ofJob(String jobId, String kind, String text, Instant time) {
        return new JobNote(jobId, null, kind, time, text, null);
    }
}
