package dev.purgedeck.team;

import java.time.Instant;

/**
 * A page of the team history to fetch: filters (each null when unused), an order (newest first unless asked),
 * {@code limit} rows from {@code offset} on.
 *
 * @param text    contained in the target, service name, purge ID or error (any case)
 * @param user    the OS user who purged
 * @param profile the profile's name
 * @param outcome ok, failed or cancelled
 * @param since   at or after
 * @param until   before
 * @param offset  rows to skip
 * @param limit   rows to return
 * @param sort    the column sorted by
 * @param ascending smallest first
 */
public record TeamQuery(String text, String user, String profile, String outcome, Instant since, Instant until,
                        int offset, int limit, TeamSort sort, boolean ascending) {
    public TeamQuery {
        sort = sort == null ? TeamSort.TIME : sort;
        text = blankToNull(text);
        user = blankToNull(user);
        profile = blankToNull(profile);
        outcome = blankToNull(outcome);
        offset = Math.max(0, offset);
        limit = Math.max(1, Math.min(limit, 10_000));
    }

    /** The filters and page, newest first. */
    public TeamQuery(String text, String user, String profile, String outcome, Instant since, Instant until,
                     int offset, int limit) {
        this(text, user, profile, outcome, since, until, offset, limit, TeamSort.TIME, false);
    }

    /** The newest {@code limit} rows, unfiltered. */
    public static TeamQuery newest(int limit) {
        return new TeamQuery(null, null, null, null, null, null, 0, limit);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
