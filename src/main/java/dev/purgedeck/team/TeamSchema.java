package dev.purgedeck.team;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The team database's schema: created and upgraded by the versioned migrations in {@code db/team} (Flyway), either
 * by {@code purgedeck team init} (the admin who owns the database) or by the app when its role may; and checked, so
 * an app older than the schema says so and ships only while the schema still accepts its rows.
 */
public final class TeamSchema {
    /** The newest migration this PurgeDeck knows (the V number of the last file in db/team). */
    public static final int APP_VERSION = 3;
    static final String HISTORY_TABLE = "flyway_schema_history";

    private TeamSchema() {
    }

    /**
     * The schema as the database has it.
     *
     * @param version   the newest migration applied, 0 for an empty database
     * @param writerMin the oldest schema version an app may know and still ship (from team_schema)
     */
    public record State(int version, int writerMin) {
        public boolean needsUpgrade() {
            return version < APP_VERSION;
        }

        /** True when this app may insert into the team history as the schema stands. */
        public boolean canShip() {
            return version >= 1 && APP_VERSION >= writerMin;
        }

        /** A plain sentence about the schema, for status lines and the header. */
        public String describe() {
            if (version == 0) {
                return "The team database has no PurgeDeck tables yet: run 'purgedeck team init' as its owner.";
            }
            if (version > APP_VERSION) {
                return "The team database schema (version " + version + ") is newer than this PurgeDeck (version "
                        + APP_VERSION + ")" + (canShip() ? "; history still ships, as the schema accepts it. "
                        + "Update PurgeDeck for the newer features." : ": history cannot ship until PurgeDeck is "
                        + "updated.");
            }
            if (version < APP_VERSION) {
                return "The team database schema is at version " + version + ", PurgeDeck needs " + APP_VERSION
                        + ": run 'purgedeck team init' as the database's owner.";
            }
            return "Schema version " + version + ", up to date.";
        }
    }

    /** Reads the schema's state; an empty database is version 0. */
    public static State state(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            int version = 0;
            try (ResultSet r = s.executeQuery("SELECT to_regclass('" + HISTORY_TABLE + "') IS NOT NULL")) {
                r.next();
                if (!r.getBoolean(1)) {
                    return new State(0, 1);
                }
            }
            try (ResultSet r = s.executeQuery("SELECT coalesce(max(version::int), 0) FROM " + HISTORY_TABLE
                    + " WHERE success AND version IS NOT NULL")) {
                r.next();
                version = r.getInt(1);
            }
            int writerMin = 1;
            try (ResultSet r = s.executeQuery("SELECT writer_min FROM team_schema")) {
                if (r.next()) {
                    writerMin = r.getInt(1);
                }
            }
            return new State(version, writerMin);
        }
    }

    /** Applies the migrations this app has and the database lacks; returns the state afterwards. */
    public static State migrate(TeamConnection connection) throws TeamException {
        try {
            flyway(connection).migrate();
        } catch (FlywayException e) {
            throw new TeamException("Creating or upgrading the team database's tables failed (does this role own "
                    + "the database?): " + rootMessage(e), e);
        }
        try (Connection c = connection.open()) {
            return state(c);
        } catch (SQLException e) {
            throw new TeamException(connection.explain(e), e);
        }
    }

    /**
     * The state, after upgrading it when it is behind and this role may; when it may not, the state as it is (its
     * {@link State#describe()} tells the user to run {@code team init}).
     */
    public static State ensure(TeamConnection connection) throws TeamException {
        State state;
        try (Connection c = connection.open()) {
            state = state(c);
        } catch (SQLException e) {
            throw new TeamException(connection.explain(e), e);
        }
        if (!state.needsUpgrade()) {
            return state;
        }
        try {
            return migrate(connection);
        } catch (TeamException e) {
            return state; // not the owner: the admin runs 'team init'; an older but compatible schema still ships
        }
    }

    private static Flyway flyway(TeamConnection connection) {
        return Flyway.configure(TeamSchema.class.getClassLoader())
                .dataSource(new TeamDataSource(connection))
                .locations("classpath:db/team")
                .table(HISTORY_TABLE)
                .baselineOnMigrate(false)
                .load();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
