package dev.purgedeck.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.history.HistoryTail;
import dev.purgedeck.testsupport.Eventually;
import dev.purgedeck.testsupport.TeamDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random points of shipping, and the database going away mid-ship: afterwards the team table holds every
 * local entry exactly once.
 */
class TeamCrashTest {
    @TempDir
    Path dir;

    @Test
    void tenKillsAtRandomPointsLoseAndDuplicateNothing() throws Exception {
        TeamSettings settings = TeamDatabase.newDatabase();
        TeamConnection c = TeamFixture.connection(settings, dir);
        TeamSchema.migrate(c);
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        Path history = HistoryStore.fileIn(dir);
        for (int round = 0; round < 10; round++) {
            Process p = child(settings.port(), settings.database());
            long target = Files.exists(history) ? Files.size(history) : 0;
            long grow = 5_000 + random.nextInt(150_000); // a random point: after this many more bytes appended
            Eventually.await(() -> size(history) > target + grow);
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no cursor write
            p.waitFor();
        }
        List<HistoryEntry> local;
        try (HistoryStore store = HistoryStore.open(history)) {
            local = store.load().entries();
        }
        finalShip(c);
        List<String> team = TeamFixture.teamIds(c);
        assertThat(team).as("seed %d", seed).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(local.stream().map(HistoryEntry::stableId).toList());
    }

    @Test
    void theDatabaseStoppedMidShipAndRestartedLosesAndDuplicatesNothing() throws Exception {
        Path data = Files.createTempDirectory("purgedeck-pg-");
        EmbeddedPostgres own = TeamDatabase.startOwn(data, 0);
        int port = own.getPort();
        TeamDatabase.execute(own, "CREATE DATABASE team");
        TeamSettings settings = TeamDatabase.settings(port, "team");
        TeamConnection c = TeamFixture.connection(settings, dir);
        TeamSchema.migrate(c);
        Process p = child(port, "team");
        Path history = HistoryStore.fileIn(dir);
        Eventually.await(() -> size(history) > 300_000 && size(dir.resolve("team-cursor.json")) > 0);
        own.close(); // the server goes away while the child appends and ships
        Eventually.await(() -> size(history) > 600_000);
        own = TeamDatabase.startOwn(data, port);
        Eventually.await(() -> shippedAll(c, history));
        p.destroyForcibly();
        p.waitFor();
        finalShip(c);
        try (HistoryStore store = HistoryStore.open(history)) {
            List<String> local = store.load().entries().stream().map(HistoryEntry::stableId).toList();
            assertThat(TeamFixture.teamIds(c)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(local);
        } finally {
            own.close();
        }
    }

    /** Ships what the killed children left behind, as the next start of the app would. */
    private void finalShip(TeamConnection c) throws TeamException {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            new TeamShipper(c, new HistoryTail(HistoryStore.fileIn(dir)), dir.resolve("team-cursor.json"), "desk-1",
                    executor, Clock.systemUTC()).shipAll();
        } finally {
            executor.shutdownNow();
        }
    }

    private static boolean shippedAll(TeamConnection c, Path history) {
        try {
            return TeamFixture.teamIds(c).size() > 3_000;
        } catch (Exception e) {
            return false; // still starting
        }
    }

    private Process child(int port, String database) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                TeamShipProcess.class.getName(), dir.toString(), Integer.toString(port), database)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("started");
        return p;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
