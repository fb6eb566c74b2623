package dev.purgedeck.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.history.HistoryTail;
import dev.purgedeck.settings.TokenOwners;
import dev.purgedeck.testsupport.TeamDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Team rows name the token owner's e-mail where the profile's owner is known, and only there. */
class TeamOwnerTest {
    @TempDir
    Path dir;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void rowsOfAProfileWithAKnownOwnerCarryTheirEmailAndOthersNone() throws Exception {
        TokenOwners owners = new TokenOwners(dir);
        assertThat(owners.remember("work", "Dana@PurgeDeck.example")).isTrue();
        assertThat(owners.remember("work", "dana@purgedeck.example")).isFalse(); // nothing new: no write
        assertThat(owners.remember("scoped", "1tSCjJnpQYBBCAsIfI6pX0")).isFalse(); // a user ID is no e-mail
        TeamConnection c = TeamFixture.connection(TeamDatabase.newDatabase(), dir);
        TeamSchema.migrate(c);
        HistoryEntry work = TeamFixture.entry("job-1", 1, "alice");
        HistoryEntry scoped = new HistoryEntry("job-2", TeamFixture.T0.plusSeconds(5), "scoped", "fastly",
                "https://api.fastly.com", "SVC1", "Shop", PurgeKind.KEY, "homepage", false, "production",
                HistoryEntry.Outcome.OK, "p-9", 200, null, 1, 5, "bob", "0.1.0").withId(HistoryEntry.newId());
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(dir))) {
            store.append(List.of(work, scoped));
        }

        new TeamShipper(c, new HistoryTail(HistoryStore.fileIn(dir)), dir.resolve("team-cursor.json"), "desk-1",
                owners::all, executor, Clock.systemUTC()).shipAll();

        List<TeamRow> rows = new TeamHistory(c, null).page(TeamQuery.newest(10));
        assertThat(rows).extracting(TeamRow::who).containsExactly("bob on desk-1",
                "alice on desk-1 (dana@purgedeck.example)");
    }
}
