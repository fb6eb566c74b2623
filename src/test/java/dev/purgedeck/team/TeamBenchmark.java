package dev.purgedeck.team;

import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.history.HistoryTail;
import dev.purgedeck.testsupport.TeamDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Ships 100,000 entries to a real PostgreSQL (target at least 20,000 entries/s) and pages a 1,000,000-row team
 * history with a text filter (target at most 200 ms a page). Run: {@code mvn -o -q -Pbench test-compile exec:java
 * -Dexec.mainClass=dev.purgedeck.team.TeamBenchmark}.
 */
public final class TeamBenchmark {
    private TeamBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("purgedeck-team-bench");
        TeamSettings settings = TeamDatabase.newDatabase();
        TeamConnection c = TeamFixture.connection(settings, dir);
        TeamSchema.migrate(c);
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(dir))) {
            for (int job = 0; job < 100; job++) {
                store.append(TeamFixture.entries("bench-" + job, 1_000, "alice"));
            }
        }
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor();
        TeamShipper shipper = new TeamShipper(c, new HistoryTail(HistoryStore.fileIn(dir)), dir.resolve("cur.json"),
                "desk-1", ex, Clock.systemUTC());
        long t0 = System.nanoTime();
        int shipped = shipper.shipAll();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "ship: %,d entries in %.2f s = %,.0f entries/s%n", shipped, s, shipped / s);
        ex.shutdownNow();

        // Not through TeamConnection: filling a million rows outlasts the app's 60 s socket timeout on a busy machine.
        try (Connection conn = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + settings.port() + "/"
                + settings.database() + "?user=postgres"); Statement st = conn.createStatement()) {
            long t1 = System.nanoTime();
            st.execute("INSERT INTO team_history (id, job_id, purged_at, os_user, computer, profile, kind, target, "
                    + "soft, outcome, purge_id, http_status, attempts, duration_ms, service_name) "
                    + "SELECT gen_random_uuid(), 'job-' || (g / 100), now() - g * interval '1 second', "
                    + "'user' || (g % 150), 'desk-' || (g % 150), 'prod', 'url', "
                    + "'https://www.example.com/' || md5(g::text) || '/page-' || g, false, 'ok', 'p-' || g, 200, 1, 3, "
                    + "'Shop' FROM generate_series(1, 900000) g");
            st.execute("ANALYZE team_history");
            System.out.printf(Locale.ROOT, "filled to 1,000,000 rows in %.1f s%n", (System.nanoTime() - t1) / 1e9);
        }
        TeamHistory history = new TeamHistory(c, null);
        List<String> filters = List.of("page-4242", "bench-7/item/99", "ab12", "zzzz-nothing");
        List<Double> times = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String f : filters) {
                long q0 = System.nanoTime();
                int rows = history.page(new TeamQuery(f, null, null, null, null, null, 0, 100)).size();
                double ms = (System.nanoTime() - q0) / 1e6;
                times.add(ms);
                if (round == 2) {
                    System.out.printf(Locale.ROOT, "text filter '%s': %d rows in %.0f ms (page of 100, newest first)%n",
                            f, rows, ms);
                }
            }
        }
        long p0 = System.nanoTime();
        history.page(new TeamQuery(null, "user7", null, null, null, null, 500, 100));
        System.out.printf(Locale.ROOT, "user filter, page 6: %.0f ms%n", (System.nanoTime() - p0) / 1e6);
        System.exit(0); // the embedded server's shutdown hook stops it
    }
}
