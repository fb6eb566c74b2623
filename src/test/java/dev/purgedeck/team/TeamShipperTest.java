package dev.purgedeck.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.history.HistoryTail;
import dev.purgedeck.settings.TokenOwners;
import dev.purgedeck.testsupport.Eventually;
import dev.purgedeck.testsupport.TeamDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipper copies the local history to a real PostgreSQL in order, once per entry, and waits when offline. */
class TeamShipperTest {
    @TempDir
    Path dir;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private TeamShipper shipper(TeamConnection c, Clock clock) {
        return new TeamShipper(c, new HistoryTail(HistoryStore.fileIn(dir)), dir.resolve("team-cursor.json"),
                "desk-1", executor, clock);
    }

    @Test
    void shipsEveryEntryOnceInOrderAndAShipAgainAddsNothing() throws Exception {
        TeamConnection c = TeamFixture.connection(TeamDatabase.newDatabase(), dir);
        TeamSchema.migrate(c);
        List<HistoryEntry> local = new ArrayList<>();
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(dir))) {
            for (int job = 0; job < 5; job++) {
                List<HistoryEntry> batch = TeamFixture.entries("job-" + job, 2_000, "alice");
                store.append(batch);
                local.addAll(batch);
            }
        }
        TeamShipper shipper = shipper(c, Clock.systemUTC());
        assertThat(shipper.shipAll()).isEqualTo(10_000);
        assertThat(shipper.status().waiting()).isZero();
        assertThat(shipper.status().headerText(ZoneOffset.UTC)).isEqualTo("Team: up to date");
        List<String> ids = TeamFixture.teamIds(c);
        assertThat(ids).hasSize(10_000).containsExactlyInAnyOrderElementsOf(
                local.stream().map(HistoryEntry::stableId).toList());
        assertThat(shipper.shipAll()).isZero();
        Files.delete(dir.resolve("team-cursor.json")); // a lost cursor ships everything again: the table ignores it
        assertThat(shipper(c, Clock.systemUTC()).shipAll()).isZero();
        assertThat(TeamFixture.teamIds(c)).hasSize(10_000);
        List<TeamRow> newest = new TeamHistory(c, null).page(TeamQuery.newest(1));
        assertThat(newest.get(0).time()).isEqualTo(local.get(local.size() - 1).time()); // newest first
        assertThat(newest.get(0).who()).isEqualTo("alice on desk-1");
    }

    @Test
    void offlineEntriesWaitWithTheTimeItWentOfflineAndShipInTheBackgroundOnceItIsBack() throws Exception {
        TeamSettings real = TeamDatabase.newDatabase();
        TeamConnection online = TeamFixture.connection(real, dir);
        TeamSchema.migrate(online);
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(dir))) {
            store.append(TeamFixture.entries("job", 1_234, "bob"));
        }
        // Port 1 on loopback: nothing listens, as when the team's server is out of reach.
        TeamConnection offline = TeamFixture.connection(TeamDatabase.settings(1, real.database()), dir);
        Clock at1002 = Clock.fixed(TeamFixture.T0, ZoneOffset.UTC);
        TeamShipper down = shipper(offline, at1002);
        assertThatThrownBy(down::shipAll).isInstanceOf(TeamException.class).hasMessageContaining("cannot be reached");
        assertThat(down.status().headerText(ZoneOffset.UTC)).isEqualTo("Team: 1,234 waiting (offline since 10:02)");

        TeamShipper up = shipper(online, Clock.systemUTC());
        up.start();
        Eventually.await(() -> up.status().waiting() == 0 && up.status().shipped() == 1_234);
        assertThat(TeamFixture.teamIds(online)).hasSize(1_234);
        up.close();
    }

    @Test
    void aClearedHistoryIsShippedFromItsStart() throws Exception {
        TeamConnection c = TeamFixture.connection(TeamDatabase.newDatabase(), dir);
        TeamSchema.migrate(c);
        TeamShipper shipper = shipper(c, Clock.systemUTC());
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(dir))) {
            store.append(TeamFixture.entries("old", 50, "alice"));
            assertThat(shipper.shipAll()).isEqualTo(50);
            store.clear();
            store.append(TeamFixture.entries("new", 60, "alice")); // longer than before: an offset alone would skip
        }
        assertThat(shipper.shipAll()).isEqualTo(60);
        assertThat(TeamFixture.teamIds(c)).hasSize(110);
    }

    /** Team rows name the token owner's e-mail where the profile's owner is known, and only there. */
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

    /** Entries recorded while a run is finishing (after its last read) ship in the next run: the nudge is kept. */
    @Test
    void aNudgeDuringARunShipsWhatItRecordedAfterThatRun() throws Exception {
        TeamConnection c = TeamFixture.connection(TeamDatabase.newDatabase(), dir);
        TeamSchema.migrate(c);
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(dir))) {
            store.append(TeamFixture.entries("first", 5, "alice"));
            TeamShipper shipper = shipper(c, Clock.systemUTC());
            AtomicBoolean once = new AtomicBoolean();
            // The status is published on the shipping thread after the run's last read: recording then is the
            // latest moment a nudge can come while that run still counts as running.
            shipper.addListener(status -> {
                if (once.compareAndSet(false, true)) {
                    try {
                        store.append(TeamFixture.entries("during", 7, "alice"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    shipper.nudge();
                }
            });
            shipper.start();
            Eventually.await(() -> shipper.status().shipped() == 12);
            assertThat(TeamFixture.teamIds(c)).hasSize(12);
            shipper.close();
        }
    }

    /** A background run that fails (here: no schema yet) is retried after its backoff without any new entry. */
    @Test
    void aFailedBackgroundRunIsRetriedAfterItsBackoff() throws Exception {
        TeamConnection c = TeamFixture.connection(TeamDatabase.newDatabase(), dir);
        try (HistoryStore store = HistoryStore.open(HistoryStore.fileIn(dir))) {
            store.append(TeamFixture.entries("job", 3, "alice"));
        }
        TeamShipper shipper = shipper(c, Clock.systemUTC());
        shipper.start();
        Eventually.await(() -> shipper.status().offlineSince() != null);
        TeamSchema.migrate(c); // the owner runs team init; nobody records anything
        Eventually.await(() -> shipper.status().shipped() == 3);
        assertThat(shipper.status().offlineSince()).isNull();
        shipper.close();
    }
}
