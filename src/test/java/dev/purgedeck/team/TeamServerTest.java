package dev.purgedeck.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.history.HistoryTail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords (scram-sha-256) and verified TLS against Debian's PostgreSQL, started by .ci/team-postgres.sh. Skipped
 * locally without it; with CI=true a missing server fails the test instead.
 */
class TeamServerTest {
    private static final Map<String, String> ENV = System.getenv();
    @TempDir
    Path dir;
    private String password;
    private TeamSettings tls;

    @BeforeEach
    void server() {
        String host = ENV.get("PURGEDECK_TEAM_PG_HOST");
        if (host == null) {
            if ("true".equals(ENV.get("CI"))) {
                throw new AssertionError("CI=true but PURGEDECK_TEAM_PG_* are not set: .ci/team-postgres.sh did not run");
            }
            Assumptions.abort("no Debian PostgreSQL from .ci/team-postgres.sh here");
        }
        password = ENV.get("PURGEDECK_TEAM_PG_PASSWORD");
        tls = new TeamSettings(host, Integer.parseInt(ENV.get("PURGEDECK_TEAM_PG_PORT")), ENV.get("PURGEDECK_TEAM_PG_DB"),
                "", ENV.get("PURGEDECK_TEAM_PG_USER"), "verify-full", ENV.get("PURGEDECK_TEAM_PG_CA"));
    }

    @Test
    void theSavedPasswordLogsInOverVerifiedTlsAndAWrongOneIsRefusedWithoutEchoingIt() throws Exception {
        TeamPasswords saved = new TeamPasswords(dir, Map.of(), dir);
        saved.save(password.toCharArray());
        TeamConnection c = new TeamConnection(tls, saved);
        assertThat(c.test()).startsWith("PostgreSQL");
        TeamSchema.migrate(c); // the database's owner may
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(dir))) {
            store.append(TeamFixture.entries("tls", 20, "erin"));
        }
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor();
        try {
            TeamShipper shipper = new TeamShipper(c, new HistoryTail(HistoryStore.fileIn(dir)),
                    dir.resolve("cursor.json"), "desk", ex, Clock.systemUTC());
            assertThat(shipper.shipAll()).isBetween(0, 20); // earlier runs on this cluster may have shipped them
        } finally {
            ex.shutdownNow();
        }
        saved.save("wrong-Pw-42".toCharArray());
        assertThatThrownBy(new TeamConnection(tls, saved)::test).isInstanceOf(TeamException.class)
                .hasMessageContaining("refused the login").hasMessageNotContaining("wrong-Pw-42");
    }

    @Test
    void aCertificateFromAnotherCaIsRejected() throws Exception {
        TeamPasswords saved = new TeamPasswords(dir, Map.of(), dir);
        saved.save(password.toCharArray());
        TeamSettings otherCa = new TeamSettings(tls.host(), tls.port(), tls.database(), "", tls.user(), "verify-full",
                ENV.get("PURGEDECK_TEAM_PG_OTHER_CA"));
        assertThatThrownBy(new TeamConnection(otherCa, saved)::test).isInstanceOf(TeamException.class)
                .hasMessageContaining("verified TLS").hasMessageNotContaining(password);
    }

    @Test
    void aPgpassFileIsUsedOnlyWhenOwnerOnly() throws Exception {
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "# team\n" + tls.host() + ":" + tls.port() + ":*:" + tls.user() + ":" + password
                + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        TeamPasswords fromFile = new TeamPasswords(dir, Map.of("PGPASSFILE", pgpass.toString()), dir);
        assertThat(new TeamConnection(tls, fromFile).test()).startsWith("PostgreSQL");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(new TeamConnection(tls, fromFile)::test).isInstanceOf(TeamException.class)
                .hasMessageContaining("chmod 600").hasMessageNotContaining(password);
    }

    @Test
    void thePasswordIsInNoFileButItsOwnerOnlyStore() throws Exception {
        TeamPasswords saved = new TeamPasswords(dir, Map.of(), dir);
        saved.save(password.toCharArray());
        new TeamSettingsStore(dir).save(tls);
        TeamConnection c = new TeamConnection(tls, saved);
        TeamSchema.ensure(c);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals(TeamPasswords.FILE)) {
                    assertThat(Files.readString(f)).as(f.toString()).doesNotContain(password);
                }
            }
        }
    }
}
