package dev.purgedeck.team;

import dev.purgedeck.history.HistoryEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.Function;

/**
 * Inserts history entries into team_history; an entry already there (same stable ID) is left as it is. One
 * statement per batch, each column sent as an array and unnested by the server: one round trip, and the exact count
 * of new rows (a JDBC batch rewritten into multi-row inserts reports none).
 */
final class TeamRows {
    static final String INSERT = "INSERT INTO team_history (id, job_id, purged_at, os_user, computer, token_email, "
            + "profile, endpoint_kind, endpoint, service_id, service_name, kind, target, soft, environment, outcome, "
            + "purge_id, http_status, error, attempts, duration_ms, app_version) "
            + "SELECT u.id::uuid, u.job_id, u.purged_at, u.os_user, ?, u.token_email, u.profile, u.endpoint_kind, "
            + "u.endpoint, "
            + "u.service_id, u.service_name, u.kind, u.target, u.soft, u.environment, u.outcome, u.purge_id, "
            + "u.http_status, u.error, u.attempts, u.duration_ms, u.app_version FROM unnest(?::text[], ?::text[], "
            + "?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
            + "?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::int[], ?::bigint[], "
            + "?::text[], ?::text[]) AS u(id, job_id, purged_at, os_user, profile, endpoint_kind, endpoint, service_id, "
            + "service_name, kind, target, soft, environment, outcome, purge_id, http_status, error, attempts, "
            + "duration_ms, app_version, token_email) ORDER BY u.purged_at ON CONFLICT (id) DO NOTHING";

    private TeamRows() {
    }

    /**
     * Inserts {@code entries} (the caller commits); returns how many were new.
     *
     * @param ownerOf the token owner's e-mail for a profile name, null where unknown
     */
    static int insert(Connection c, List<HistoryEntry> entries, String computer, Function<String, String> ownerOf)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int i = 1;
            ps.setString(i++, computer);
            ps.setArray(i++, c.createArrayOf("text", texts(entries, HistoryEntry::stableId)));
            ps.setArray(i++, c.createArrayOf("text", texts(entries, HistoryEntry::jobId)));
            ps.setArray(i++, c.createArrayOf("timestamptz",
                    entries.stream().map(e -> Timestamp.from(e.time())).toArray(Timestamp[]::new)));
            ps.setArray(i++, c.createArrayOf("text", texts(entries, HistoryEntry::user)));
            ps.setArray(i++, c.createArrayOf("text", texts(entries, HistoryEntry::profile)));
            ps.setArray(i++, c.createArrayOf("text", texts(entries, HistoryEntry::endpointKind)));
            ps.setArray(i++, c.createArrayOf("text", texts(entries, HistoryEntry::endpoint)));
            ps.setArray(i++, c.createArrayOf("text", texts(entries, HistoryEntry::serviceId)));
            ps.setArray(i++, c.createArrayOf("text", texts(entries, HistoryEntry::serviceName)));
            ps.setArray(i++, c.createArrayOf("text", texts(entries, e -> e.kind().id())));
            ps.setArray(i++, c.createArrayOf("text", texts(entries, HistoryEntry::target)));
            ps.setArray(i++, c.createArrayOf("boolean", entries.stream().map(HistoryEntry::soft).toArray()));
            ps.setArray(i++, c.createArrayOf("text", texts(entries, HistoryEntry::environment)));
            ps.setArray(i++, c.createArrayOf("text", texts(entries, e -> e.outcome().id())));
            ps.setArray(i++, c.createArrayOf("text", texts(entries, HistoryEntry::purgeId)));
            ps.setArray(i++, c.createArrayOf("int4", entries.stream().map(HistoryEntry::httpStatus).toArray()));
            ps.setArray(i++, c.createArrayOf("text", texts(entries, HistoryEntry::error)));
            ps.setArray(i++, c.createArrayOf("int4", entries.stream().map(HistoryEntry::attempts).toArray()));
            ps.setArray(i++, c.createArrayOf("int8", entries.stream().map(HistoryEntry::durationMs).toArray()));
            ps.setArray(i++, c.createArrayOf("text", texts(entries, HistoryEntry::appVersion)));
            ps.setArray(i, c.createArrayOf("text", texts(entries, e -> e.profile() == null ? null
                    : ownerOf.apply(e.profile()))));
            return ps.executeUpdate();
        }
    }

    private static String[] texts(List<HistoryEntry> entries, Function<HistoryEntry, String> field) {
        return entries.stream().map(field).toArray(String[]::new);
    }
}
