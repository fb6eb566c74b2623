package dev.purgedeck.team;

import dev.purgedeck.history.HistoryEntry;
import java.sql.Connection;
import java.util.List;

/** Inserts entries the way the shipper does, for tests that need rows without a history file. */
final class TeamRowsAccess {
    private TeamRowsAccess() {
    }

    static int insert(TeamConnection c, List<HistoryEntry> entries) throws Exception {
        try (Connection conn = c.open()) {
            return TeamRows.insert(conn, entries, "desk-1", profile -> null);
        }
    }
}
