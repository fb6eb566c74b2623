package dev.purgedeck.team;

import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.history.HistoryEntry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Shared helpers for the team tests: connections, sample entries, what the team table holds. */
final class TeamFixture {
    static final Instant T0 = Instant.parse("2026-12-05T10:02:00Z");

    private TeamFixture() {
    }

    static TeamConnection connection(TeamSettings settings, Path dataDir) {
        return new TeamConnection(settings, new TeamPasswords(dataDir, Map.of(), dataDir.resolve("home")));
    }

    /** Entry {@code i} of {@code job}: with its own ID, a unique target, purged by {@code user}. */
    static HistoryEntry entry(String job, int i, String user) {
        return new HistoryEntry(job, T0.plusMillis(i), "work", "sandbox", "http://127.0.0.1:1", "SVC1", "Shop",
                PurgeKind.URL, "https://shop.example.com/" + job + "/item/" + i, false, "production",
                HistoryEntry.Outcome.OK, "p-" + i, 200, null, 1, 5, user, "0.1.0").withId(HistoryEntry.newId());
    }

    static List<HistoryEntry> entries(String job, int count, String user) {
        return IntStream.range(0, count).mapToObj(i -> entry(job, i, user)).toList();
    }

    /** The IDs in the team table, in the order of the database's row count (with any duplicates). */
    static List<String> teamIds(TeamConnection c) throws SQLException, TeamException {
        List<String> ids = new ArrayList<>();
        try (Connection conn = c.open(); Statement s = conn.createStatement();
             ResultSet r = s.executeQuery("SELECT id::text FROM team_history")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        return ids;
    }
}
