package dev.purgedeck.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purgedeck.testsupport.TeamDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versioned migrations on a real PostgreSQL: init, least privilege, a schema newer than the app. */
class TeamSchemaTest {
    @TempDir
    Path dir;

    @Test
    void initCreatesBothTablesAndTheTextSearchIndexServesTheFilter() throws Exception {
        TeamConnection c = TeamFixture.connection(TeamDatabase.newDatabase(), dir);
        try (Connection conn = c.open()) {
            assertThat(TeamSchema.state(conn).version()).isZero();
        }
        TeamSchema.State state = TeamSchema.migrate(c);
        assertThat(state.version()).isEqualTo(TeamSchema.APP_VERSION);
        assertThat(state.canShip()).isTrue();
        assertThat(TeamSchema.migrate(c).version()).isEqualTo(TeamSchema.APP_VERSION); // again: nothing to do
        try (Connection conn = c.open(); Statement s = conn.createStatement()) {
            s.execute("SET enable_seqscan = off"); // an empty table: ask whether the index can serve it at all
            StringBuilder plan = new StringBuilder();
            try (ResultSet r = s.executeQuery("EXPLAIN SELECT * FROM team_history WHERE search LIKE '%black friday%'")) {
                while (r.next()) {
                    plan.append(r.getString(1)).append('\n');
                }
            }
            assertThat(plan).contains("team_history_search");
            s.execute("SELECT name, keys, version, service_id, soft, sample_urls FROM shared_key_sets");
        }
    }

    @Test
    void aLeastPrivilegeRoleShipsButCannotDeleteNorUpgrade() throws Exception {
        TeamSettings owner = TeamDatabase.newDatabase();
        TeamConnection admin = TeamFixture.connection(owner, dir);
        TeamSchema.migrate(admin);
        String role = "editor_" + owner.database();
        try (Connection conn = admin.open(); Statement s = conn.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN");
            s.execute("GRANT INSERT, SELECT ON team_history TO " + role);
            s.execute("GRANT SELECT ON flyway_schema_history, team_schema TO " + role);
        }
        TeamSettings editor = new TeamSettings("127.0.0.1", owner.port(), owner.database(), "", role, "", "");
        TeamConnection app = TeamFixture.connection(editor, dir);
        TeamRowsAccess.insert(app, TeamFixture.entries("j", 3, "alice"));
        assertThat(TeamFixture.teamIds(app)).hasSize(3);
        try (Connection conn = app.open(); Statement s = conn.createStatement()) {
            assertThatThrownBy(() -> s.execute("DELETE FROM team_history")).hasMessageContaining("permission denied");
        }
        assertThat(TeamSchema.ensure(app).version()).isEqualTo(TeamSchema.APP_VERSION);
    }

    @Test
    void aNewerSchemaIsNamedPlainlyAndShipsOnlyWhileCompatible() throws Exception {
        TeamConnection c = TeamFixture.connection(TeamDatabase.newDatabase(), dir);
        TeamSchema.migrate(c);
        int future = TeamSchema.APP_VERSION + 1;
        try (Connection conn = c.open(); Statement s = conn.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "installed_by, execution_time, success) VALUES (99, '" + future + "', 'future', 'SQL', 'V"
                    + future + "__future.sql', 'admin', 1, true)");
            TeamSchema.State newer = TeamSchema.state(conn);
            assertThat(newer.version()).isEqualTo(future);
            assertThat(newer.canShip()).isTrue();
            assertThat(newer.describe()).contains("newer than this PurgeDeck", "still ships");
            s.execute("UPDATE team_schema SET writer_min = " + future);
            TeamSchema.State incompatible = TeamSchema.state(conn);
            assertThat(incompatible.canShip()).isFalse();
            assertThat(incompatible.describe()).contains("cannot ship until PurgeDeck is updated");
        }
        assertThat(TeamSchema.ensure(c).version()).isEqualTo(future); // never "downgraded" nor failed by validation
        assertThat(TeamSchema.ensure(c).canShip()).isFalse();
    }
}
