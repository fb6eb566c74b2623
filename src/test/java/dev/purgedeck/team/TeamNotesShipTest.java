package dev.purgedeck.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.history.HistoryTail;
import dev.purgedeck.history.JobNote;
import dev.purgedeck.history.JobNotes;
import dev.purgedeck.testsupport.TeamDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job notes ship to team_notes beside the entries, once each, and Team History shows the latest per entry/job. */
class TeamNotesShipTest {
    @TempDir
    Path dir;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private int ship(TeamConnection c) throws TeamException {
        return new TeamShipper(c, new HistoryTail(HistoryStore.fileIn(dir)), dir.resolve("team-cursor.json"),
                "desk-1", Map::of, executor, Clock.systemUTC()).shipAll();
    }

    private static List<String> noteRows(TeamConnection c) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection conn = c.open(); Statement s = conn.createStatement();
             ResultSet r = s.executeQuery("SELECT kind || ':' || text FROM team_notes ORDER BY noted_at, kind, text")) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    @Test
    void notesShipOnceEvenWhenShippedAgainAndTheLatestVerdictAndImpactShow() throws Exception {
        TeamConnection c = TeamFixture.connection(TeamDatabase.newDatabase(), dir);
        TeamSchema.migrate(c);
        List<HistoryEntry> job = TeamFixture.entries("job-1", 2, "alice");
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(dir))) {
            store.append(job);
        }
        JobNotes notes = JobNotes.in(dir);
        notes.append(List.of(JobNote.verdict(job.get(0), "refreshing", "Age 3 s", TeamFixture.T0.plusSeconds(1)),
                JobNote.ofJob("job-1", JobNote.NOTICE, "sent", TeamFixture.T0.plusSeconds(1))));
        notes.append(List.of(JobNote.verdict(job.get(0), "fresh", "Age 0", TeamFixture.T0.plusSeconds(9)),
                JobNote.ofJob("job-1", JobNote.IMPACT, "Hit ratio 97% → 91%, back in 40 s",
                        TeamFixture.T0.plusSeconds(60))));

        assertThat(ship(c)).isEqualTo(2);
        assertThat(noteRows(c)).containsExactly("notice:sent", "verdict:refreshing", "verdict:fresh",
                "impact:Hit ratio 97% → 91%, back in 40 s");
        List<TeamRow> rows = new TeamHistory(c, null).page(TeamQuery.newest(10));
        assertThat(rows).extracting(TeamRow::target, TeamRow::verdict, TeamRow::impact).containsExactly(
                org.assertj.core.groups.Tuple.tuple(job.get(1).target(), null, "Hit ratio 97% → 91%, back in 40 s"),
                org.assertj.core.groups.Tuple.tuple(job.get(0).target(), "fresh", "Hit ratio 97% → 91%, back in 40 s"));

        // A lost cursor (a crash between commit and cursor write) ships every note again: none is doubled.
        Files.delete(dir.resolve(TeamShipper.NOTES_CURSOR));
        ship(c);
        assertThat(noteRows(c)).hasSize(4);

        // A torn last line (a writer killed mid-line) waits; once whole, it ships.
        String line = "{\"job_id\":\"job-1\",\"kind\":\"impact\",\"time\":\"" + TeamFixture.T0.plusSeconds(120)
                + "\",\"text\":\"Hit ratio back to 97%\"}";
        Path file = notes.file();
        Files.writeString(file, line.substring(0, 20), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        ship(c);
        assertThat(noteRows(c)).hasSize(4);
        Files.writeString(file, line.substring(20) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        ship(c);
        assertThat(noteRows(c)).hasSize(5).last().isEqualTo("impact:Hit ratio back to 97%");
        assertThat(new TeamHistory(c, null).page(TeamQuery.newest(1)).get(0).impact())
                .isEqualTo("Hit ratio back to 97%");
    }
}
