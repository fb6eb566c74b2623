package dev.purgedeck.team;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Queries the team history in the database: filters, sorting and paging run in SQL (never by loading the
 * table), the text filter as a LIKE that the trigram index serves. Each statement's SQL is handed to an optional
 * log hook (the window's tests check that filters reach the database).
 */
public final class TeamHistory {
    private static final String COLUMNS = "id::text, purged_at, os_user, computer, token_email, profile, service_id, "
            + "service_name, kind, target, soft, outcome, purge_id, http_status, error";
    /** The latest verdict note of each row's entry and the latest impact note of its job (docs/team.md §6). */
    private static final String NOTES = " LEFT JOIN LATERAL (SELECT n.text FROM team_notes n WHERE n.entry_id = "
            + "p.id::text AND n.kind = 'verdict' ORDER BY n.noted_at DESC, n.id DESC LIMIT 1) v ON true "
            + "LEFT JOIN LATERAL (SELECT n.text FROM team_notes n WHERE n.job_id = p.job_id AND n.entry_id IS NULL "
            + "AND n.kind = 'impact' ORDER BY n.noted_at DESC, n.id DESC LIMIT 1) i ON true";

    private final TeamConnection connection;
    private final Consumer<String> sqlLog;

    public TeamHistory(TeamConnection connection, Consumer<String> sqlLog) {
        this.connection = connection;
        this.sqlLog = sqlLog == null ? sql -> { } : sqlLog;
    }

    /** One page of rows matching {@code q}, in its order. */
    public List<TeamRow> page(TeamQuery q) throws TeamException {
        List<Object> args = new ArrayList<>();
        String page = "SELECT * FROM team_history" + where(q, args) + q.sort().orderBy(q.ascending()) + " LIMIT "
                + q.limit() + " OFFSET " + q.offset();
        try (Connection c = connection.open()) {
            // The page is cut first, then each of its rows gets its latest notes: never a lookup per matching row.
            String sql = hasNotes(c) ? "SELECT " + COLUMNS + ", v.text, i.text FROM (" + page + ") p" + NOTES
                    + q.sort().orderBy(q.ascending()) : "SELECT " + COLUMNS + ", NULL, NULL FROM (" + page + ") p"
                    + q.sort().orderBy(q.ascending());
            try (PreparedStatement ps = prepare(c, sql, args); ResultSet r = ps.executeQuery()) {
                List<TeamRow> rows = new ArrayList<>();
                while (r.next()) {
                    rows.add(new TeamRow(r.getString(1), r.getTimestamp(2).toInstant(), r.getString(3),
                            r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8),
                            r.getString(9), r.getString(10), r.getBoolean(11), r.getString(12), r.getString(13),
                            r.getInt(14), r.getString(15), r.getString(16), r.getString(17)));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new TeamException(connection.explain(e), e);
        }
    }

    /** How many rows match {@code q}'s filters (paging ignored). */
    public long count(TeamQuery q) throws TeamException {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT count(*) FROM team_history" + where(q, args);
        try (Connection c = connection.open(); PreparedStatement ps = prepare(c, sql, args);
             ResultSet r = ps.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new TeamException(connection.explain(e), e);
        }
    }

    /** Whether the schema has team_notes (version 4); an older schema the app still ships into has none. */
    private static boolean hasNotes(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass('team_notes') IS NOT NULL");
             ResultSet r = ps.executeQuery()) {
            return r.next() && r.getBoolean(1);
        }
    }

    static String where(TeamQuery q, List<Object> args) {
        List<String> terms = new ArrayList<>();
        if (q.text() != null) {
            terms.add("search LIKE ? ESCAPE '\\'"); // search is stored lower-cased: the trigram index serves this
            args.add("%" + escapeLike(q.text().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (q.user() != null) {
            terms.add("os_user = ?");
            args.add(q.user());
        }
        if (q.profile() != null) {
            terms.add("profile = ?");
            args.add(q.profile());
        }
        if (q.outcome() != null) {
            terms.add("outcome = ?");
            args.add(q.outcome());
        }
        if (q.since() != null) {
            terms.add("purged_at >= ?");
            args.add(Timestamp.from(q.since()));
        }
        if (q.until() != null) {
            terms.add("purged_at < ?");
            args.add(Timestamp.from(q.until()));
        }
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    private PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        sqlLog.accept(sql);
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
        return ps;
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
