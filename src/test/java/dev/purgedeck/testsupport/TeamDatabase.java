package dev.purgedeck.testsupport;

import dev.purgedeck.team.TeamSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL (zonky's embedded server, PostgreSQL 17) for the team tests: one server per test JVM, started on
 * first use on 127.0.0.1, and a fresh database per test. Its logins are not password-checked.
 */
public final class TeamDatabase {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TeamDatabase() {
    }

    /** The shared server, started once. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** A new empty database on the shared server, and the settings that reach it as its owner. */
    public static TeamSettings newDatabase() {
        String name = "team_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        execute(server(), "CREATE DATABASE " + name);
        return settings(server().getPort(), name);
    }

    /** Settings for {@code database} on 127.0.0.1:{@code port} as the superuser postgres, no TLS. */
    public static TeamSettings settings(int port, String database) {
        return new TeamSettings("127.0.0.1", port, database, "", "postgres", "", "");
    }

    /** Starts a server of its own on {@code dataDir} (kept between starts, so it can be stopped and started). */
    public static EmbeddedPostgres startOwn(Path dataDir, int port) throws IOException {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setServerConfig("fsync", "off");
        if (port > 0) {
            b.setPort(port);
        }
        return b.start();
    }

    /** Runs {@code sql} as the superuser in the server's default database. */
    public static void execute(EmbeddedPostgres pg, String sql) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
