package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.settings.TokenOwners;
import dev.purgedeck.team.TeamSchema;
import dev.purgedeck.team.TeamSettings;
import dev.purgedeck.testsupport.TeamDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code purgedeck team init|status|sync} and {@code history --team} against a real PostgreSQL. */
class TeamCommandTest {
    @TempDir
    Path dir;

    @Test
    void initSyncStatusAndTheTeamHistoryFilteredByTheDatabase() throws Exception {
        TeamSettings db = TeamDatabase.newDatabase();
        CliHarness cli = new CliHarness(dir, null);
        CliHarness.Result init = cli.run("team", "init", "--host", "127.0.0.1", "--port", Integer.toString(db.port()),
                "--database", db.database(), "--user", "postgres", "--save");
        assertThat(init.code()).as(init.toString()).isZero();
        assertThat(init.out()).contains("up to date");

        Instant t = Instant.parse("2026-12-05T09:12:00Z");
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(cli.dataDir))) {
            store.append(List.of(entry(t, "https://shop.example.com/black-friday"),
                    entry(t.plusSeconds(1), "https://shop.example.com/cart"),
                    entry(t.plusSeconds(2), "https://shop.example.com/Black-Friday/deals")));
        }
        assertThat(cli.run("team", "status").out()).contains("Waiting to ship: 3",
                "Schema version " + TeamSchema.APP_VERSION + ", up to date");
        // What the window learnt from Fastly (GET /current_user's login) for the profile: its rows name the owner.
        new TokenOwners(cli.dataDir).remember("work", "dana@purgedeck.example");
        CliHarness.Result sync = cli.run("team", "sync");
        assertThat(sync.code()).as(sync.toString()).isZero();
        assertThat(sync.out()).contains("Shipped 3 new entries", "Team: up to date");
        assertThat(cli.run("team", "sync").out()).contains("Shipped 0 new entries");

        // Another desktop's purge, as its shipper would have written it.
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + db.port() + "/"
                + db.database() + "?user=postgres"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO team_history (id, job_id, purged_at, os_user, computer, profile, kind, target, "
                    + "soft, outcome, http_status, attempts, duration_ms) VALUES (gen_random_uuid(), 'j9', "
                    + "'2026-12-05T09:12:30Z', 'dave', 'desk-9', 'prod', 'url', "
                    + "'https://shop.example.com/black-friday/shoes', false, 'ok', 200, 1, 3)");
        }
        CliHarness.Result all = cli.run("history", "--team", "--search", "BLACK-friday");
        assertThat(all.code()).as(all.toString()).isZero();
        assertThat(all.out()).contains("dave on desk-9", "black-friday/shoes", "Black-Friday/deals",
                        "(dana@purgedeck.example)")
                .doesNotContain("/cart");
        CliHarness.Result dave = cli.run("history", "--team", "--user", "dave");
        assertThat(dave.out()).contains("black-friday/shoes").doesNotContain("Black-Friday/deals")
                .doesNotContain("VERDICT").doesNotContain("IMPACT"); // no such column while nothing has one

        // What dave's desktop learnt afterwards, as its shipper writes notes: the page's verdict, the job's impact.
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + db.port() + "/"
                + db.database() + "?user=postgres"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO team_notes (id, job_id, entry_id, kind, noted_at, text) SELECT gen_random_uuid(), "
                    + "'j9', id::text, 'verdict', '2026-12-05T09:13:00Z', 'old_copy' FROM team_history "
                    + "WHERE os_user = 'dave'");
            s.execute("INSERT INTO team_notes (id, job_id, kind, noted_at, text) VALUES (gen_random_uuid(), 'j9', "
                    + "'impact', '2026-12-05T09:20:00Z', 'hit ratio 92% -> 61%, back in 4 min')");
        }
        CliHarness.Result noted = cli.run("history", "--team", "--user", "dave");
        assertThat(noted.code()).as(noted.toString()).isZero();
        List<String> lines = noted.out().lines().toList();
        assertThat(lines.get(0)).contains("PURGE ID", "VERDICT", "IMPACT");
        assertThat(lines.get(1)).contains("black-friday/shoes", "Old copy still served",
                "hit ratio 92% -> 61%, back in 4 min");

        CliHarness.Result verdict = cli.run("history", "--team", "--verdict", "old_copy");
        assertThat(verdict.code()).isEqualTo(2); // not silently ignored: the team's query has no verdict filter
        assertThat(verdict.err()).contains("with --team, filter by");
    }

    @Test
    void aServerOffThisComputerWithoutVerifiedTlsIsRefusedPlainly() {
        CliHarness cli = new CliHarness(dir, null);
        CliHarness.Result r = cli.run("team", "status", "--host", "db.example.invalid", "--database", "ops",
                "--user", "purgedeck");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("db.example.invalid", "verify-full");
        assertThat(cli.run("history", "--team").err()).contains("no team database is set up");
    }

    private static HistoryEntry entry(Instant t, String url) {
        return new HistoryEntry("job-1", t, "work", "sandbox", "http://127.0.0.1:1", "SVC", "Shop", PurgeKind.URL,
                url, false, "production", HistoryEntry.Outcome.OK, "p", 200, null, 1, 4, "alice", "0.1.0")
                .withId(HistoryEntry.newId());
    }
}
