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
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import java.util.stream.IntStream;
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
        assertEachOnce(TeamFixture.teamIds(c), local.stream().map(HistoryEntry::stableId).toList(), "seed " + seed);
    }

    /**
     * The server stops after a first ship; jobs recorded while it is down wait (the child says it is offline); it
     * starts again, and the child's shipper ships every one of them, once.
     */
    @Test
    void theDatabaseStoppedMidShipAndRestartedLosesAndDuplicatesNothing() throws Exception {
        Path data = Files.createTempDirectory("purgedeck-pg-");
        EmbeddedPostgres own = TeamDatabase.startOwn(data, 0);
        int port = own.getPort();
        TeamDatabase.execute(own, "CREATE DATABASE team");
        TeamSettings settings = TeamDatabase.settings(port, "team");
        TeamConnection c = TeamFixture.connection(settings, dir);
        TeamSchema.migrate(c);
        Child child = commandedChild(port, "team");
        try {
            child.append(300);
            child.awaitStatus(s -> s.contains("waiting=0 offline=false") && !s.endsWith("shipped=0"));
            own.close(); // the server goes away: what the child records now cannot be shipped
            child.append(300);
            child.awaitStatus(s -> s.contains("offline=true"));
            child.append(300); // still recording while offline
            own = TeamDatabase.startOwn(data, port);
            child.append(1); // a new entry is the app's cue to retry at once rather than after its backoff
            child.awaitStatus(s -> s.contains("waiting=0 offline=false"));
        } finally {
            child.process.destroyForcibly();
            child.process.waitFor();
        }
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(dir))) {
            List<String> local = store.load().entries().stream().map(HistoryEntry::stableId).toList();
            assertThat(local).hasSize(IntStream.range(0, 901).map(job -> 1 + job % 40).sum());
            assertEachOnce(TeamFixture.teamIds(c), local, "restart");
            finalShip(c);
            assertThat(TeamFixture.teamIds(c)).as("nothing was left for the next start").hasSameSizeAs(local);
        } finally {
            own.close();
        }
    }

    /**
     * Every local entry is in the team table exactly once. Set differences rather than AssertJ's any-order
     * comparison, which is quadratic: the child can leave a few hundred thousand entries behind.
     */
    private static void assertEachOnce(List<String> team, List<String> local, String run) {
        Set<String> teamSet = new HashSet<>(team);
        assertThat(team).as("%s: team rows (%d) without duplicates", run, team.size()).hasSameSizeAs(teamSet);
        Set<String> missing = new HashSet<>(local);
        missing.removeAll(teamSet);
        assertThat(missing).as("%s: local entries missing from the team table", run).isEmpty();
        Set<String> extra = new HashSet<>(teamSet);
        local.forEach(extra::remove);
        assertThat(extra).as("%s: team rows that are not in the local history", run).isEmpty();
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

    private Process child(int port, String database) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                TeamShipProcess.class.getName(), dir.toString(), Integer.toString(port), database)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("started");
        return p;
    }

    /** A child that appends only when told and reports its shipper's status on its output. */
    private Child commandedChild(int port, String database) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                TeamShipProcess.class.getName(), dir.toString(), Integer.toString(port), database, "commands")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Child child = new Child(p, new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8)), new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8));
        child.awaitStatus("started"::equals);
        return child;
    }

    private record Child(Process process, BufferedReader out, PrintWriter in) {
        void append(int jobs) {
            in.println("append " + jobs);
        }

        /** Reads the child's lines until one matches; fails when the child ends first. */
        void awaitStatus(Predicate<String> matches) throws java.io.IOException {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (matches.test(line)) {
                    return;
                }
            }
            throw new AssertionError("the child ended before the expected status");
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
