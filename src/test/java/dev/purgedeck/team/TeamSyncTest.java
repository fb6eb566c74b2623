package dev.purgedeck.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.testsupport.Eventually;
import dev.purgedeck.testsupport.TeamDatabase;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's shipping: off without team settings; with them, what the history records reaches the team table. */
class TeamSyncTest {
    @TempDir
    Path dir;

    @Test
    void withoutTeamSettingsNothingStarts() throws Exception {
        try (HistoryStore history = HistoryStore.open(HistoryStore.fileIn(dir))) {
            assertThat(TeamSync.start(dir, Map.of(), dir, history)).isEmpty();
        }
    }

    @Test
    void entriesRecordedWhileRunningAreShippedAndTheStatusSaysSo() throws Exception {
        TeamSettings db = TeamDatabase.newDatabase();
        new TeamSettingsStore(dir).save(db);
        TeamConnection c = TeamFixture.connection(db, dir);
        try (HistoryStore history = HistoryStore.open(HistoryStore.fileIn(dir))) {
            history.append(TeamFixture.entries("before", 5, "frank")); // recorded before the start
            Optional<TeamSync> sync = TeamSync.start(dir, Map.of("HOSTNAME", "desk-frank"), dir, history);
            assertThat(sync).isPresent();
            try (TeamSync running = sync.get()) {
                // The app migrates on start because this role (the owner) may.
                Eventually.await(() -> count(c) == 5);
                history.append(TeamFixture.entries("after", 7, "frank"));
                Eventually.await(() -> count(c) == 12);
                Eventually.await(() -> running.shipper().status().waiting() == 0);
                assertThat(running.history(null).page(TeamQuery.newest(1)).get(0).who())
                        .isEqualTo("frank on desk-frank");
            }
        }
    }

    private static int count(TeamConnection c) {
        try {
            return TeamFixture.teamIds(c).size();
        } catch (Exception e) {
            return -1; // the tables are not there yet
        }
    }
}
