package dev.purgedeck.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.purgedeck.keysets.DuplicateNameException;
import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.testsupport.ManualClock;
import dev.purgedeck.testsupport.TeamDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shared key sets on a real PostgreSQL: version-checked changes, soft deletes, the offline copy. */
class SharedKeySetsTest {
    private static final KeySet SPORT = new KeySet("Sport", "The sport pages", "SU1Z0isxPaozGVKXdv0eY", "Shop",
            List.of("section-sport", "article-1"), true, null, null);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T10:02:00Z"));

    private TeamConnection migrated() throws TeamException {
        TeamConnection c = TeamFixture.connection(TeamDatabase.newDatabase(), dir);
        TeamSchema.migrate(c);
        return c;
    }

    private SharedKeySets desk(TeamConnection c, Path dataDir, String user) {
        return new SharedKeySets(c, dataDir, SharedKeySets.who(user, "desk-1", "work"), clock);
    }

    @Test
    void aSharedSetIsCreatedListedAndSignedWithWhoChangedIt() throws Exception {
        TeamConnection c = migrated();
        SharedKeySets alice = desk(c, dir, "alice");
        SharedKeySet created = alice.create(SPORT, List.of("https://shop.example.com/sport"));
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.changedBy()).isEqualTo("alice@desk-1 (work)");
        assertThat(created.set().soft()).isTrue();
        assertThat(created.set().serviceId()).isEqualTo("SU1Z0isxPaozGVKXdv0eY");

        SharedListing listing = alice.list();
        assertThat(listing.offline()).isFalse();
        assertThat(listing.sets()).extracting(SharedKeySet::name).containsExactly("Sport");
        assertThat(listing.find("SPORT").orElseThrow().keys()).containsExactly("section-sport", "article-1");
        assertThat(listing.find("sport").orElseThrow().sampleUrls()).containsExactly("https://shop.example.com/sport");
        // The set itself carries its pages, so purging it from the console or the CLI checks them.
        assertThat(listing.find("sport").orElseThrow().set().sampleUrls())
                .containsExactly("https://shop.example.com/sport");
        assertThat(alice.get(" sport ")).map(SharedKeySet::version).contains(1);
        assertThat(dir.resolve(SharedCopy.FILE)).exists();
        // Names are one set ignoring case, as personal sets are.
        assertThatThrownBy(() -> desk(c, dir, "bob").create(SPORT.withName("SPORT"), null))
                .isInstanceOf(DuplicateNameException.class);
    }

    @Test
    void aChangeOverAnOlderVersionIsAConflictThatWritesNothingAndShowsTheirs() throws Exception {
        TeamConnection c = migrated();
        SharedKeySets alice = desk(c, dir, "alice");
        SharedKeySets bob = desk(c, dir, "bob");
        SharedKeySet read = alice.create(SPORT, null);

        SharedKeySet bobs = bob.update("Sport", read.version(), SPORT.withKeys(List.of("section-sport", "bob-key")),
                null);
        assertThat(bobs.version()).isEqualTo(2);
        assertThat(bobs.changedBy()).isEqualTo("bob@desk-1 (work)");

        SharedKeySetConflict conflict = catchThrowableOfType(SharedKeySetConflict.class,
                () -> alice.update("Sport", read.version(), SPORT.withKeys(List.of("alice-key")), null));
        assertThat(conflict.deletedByThem()).isFalse();
        SharedKeySet theirs = conflict.theirs().orElseThrow();
        assertThat(theirs.keys()).containsExactly("section-sport", "bob-key");
        assertThat(theirs.changedBy()).isEqualTo("bob@desk-1 (work)");
        assertThat(theirs.version()).isEqualTo(2);
        assertThat(conflict.getMessage()).isEqualTo("\u201cSport\u201d was changed by bob@desk-1 (work) while you "
                + "edited it.");
        assertThat(alice.get("Sport").orElseThrow().keys()).containsExactly("section-sport", "bob-key");

        // "Overwrite with mine" writes over the version just seen.
        SharedKeySet mine = alice.update("Sport", theirs.version(), SPORT.withKeys(List.of("alice-key")), null);
        assertThat(mine.version()).isEqualTo(3);
        assertThat(alice.get("Sport").orElseThrow().keys()).containsExactly("alice-key");
        assertThat(mine.sampleUrls()).isEmpty();
    }

    @Test
    void deletingIsVersionCheckedKeepsTheRowAndTheNameCanBeSharedAgain() throws Exception {
        TeamConnection c = migrated();
        SharedKeySets alice = desk(c, dir, "alice");
        SharedKeySets bob = desk(c, dir, "bob");
        SharedKeySet v1 = alice.create(SPORT, null);
        bob.update("Sport", 1, SPORT.withDescription("bob's"), null);
        assertThatThrownBy(() -> alice.delete("Sport", v1.version())).isInstanceOf(SharedKeySetConflict.class);
        assertThat(alice.list().sets()).hasSize(1);

        bob.delete("Sport", 2);
        assertThat(alice.list().sets()).isEmpty();
        assertThat(alice.get("Sport")).isEmpty();
        SharedKeySetConflict gone = catchThrowableOfType(SharedKeySetConflict.class,
                () -> alice.update("Sport", 2, SPORT, null));
        assertThat(gone.deletedByThem()).isTrue();
        assertThat(gone.getMessage()).contains("was deleted from the team by bob@desk-1 (work)");
        try (Connection conn = c.open(); Statement s = conn.createStatement();
             ResultSet r = s.executeQuery("SELECT deleted, version FROM shared_key_sets WHERE name = 'Sport'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getBoolean(1)).isTrue(); // kept, marked: the least-privilege role needs no DELETE
            assertThat(r.getInt(2)).isEqualTo(3);
        }
        SharedKeySet again = alice.create(SPORT.withName("sport"), null);
        assertThat(again.version()).isEqualTo(4);
        assertThat(again.name()).isEqualTo("sport");
    }

    @Test
    void offlineTheListComesFromTheCopyAndChangesAreRefusedPlainly() throws Exception {
        Path data = Files.createTempDirectory("purgedeck-pg-");
        EmbeddedPostgres own = TeamDatabase.startOwn(data, 0);
        int port = own.getPort();
        TeamDatabase.execute(own, "CREATE DATABASE team");
        TeamConnection c = TeamFixture.connection(TeamDatabase.settings(port, "team"), dir);
        TeamSchema.migrate(c);
        SharedKeySets alice = desk(c, dir, "alice");
        SharedKeySet sport = alice.create(SPORT, null);
        assertThat(alice.list().sets()).hasSize(1); // saves the offline copy
        own.close();

        clock.advance(java.time.Duration.ofMinutes(3));
        SharedListing offline = alice.list();
        assertThat(offline.offline()).isTrue();
        assertThat(offline.offlineText(ZoneOffset.UTC)).isEqualTo("offline since 10:05");
        assertThat(offline.problem()).contains("cannot be reached");
        assertThat(offline.find("Sport").orElseThrow().keys()).containsExactly("section-sport", "article-1");
        assertThat(offline.find("Sport").orElseThrow().changedBy()).isEqualTo("alice@desk-1 (work)");
        // A second desktop with only the copy (a fresh process) reads it too.
        assertThat(desk(c, dir, "bob").list().sets()).extracting(SharedKeySet::name).containsExactly("Sport");

        assertThatThrownBy(() -> alice.update("Sport", sport.version(), SPORT.withKeys(List.of("x")), null))
                .isInstanceOf(TeamException.class).hasMessage(SharedKeySets.OFFLINE_EDIT);
        assertThatThrownBy(() -> alice.create(SPORT.withName("News"), null)).hasMessage(SharedKeySets.OFFLINE_EDIT);
        assertThatThrownBy(() -> alice.delete("Sport", 1)).hasMessage(SharedKeySets.OFFLINE_EDIT);
        clock.advance(java.time.Duration.ofMinutes(3));
        assertThat(alice.list().offlineText(ZoneOffset.UTC)).isEqualTo("offline since 10:05");

        own = TeamDatabase.startOwn(data, port);
        try {
            SharedListing back = alice.list();
            assertThat(back.offline()).isFalse();
            assertThat(back.problem()).isNull();
        } finally {
            own.close();
        }
        // A copy of another database is never shown as this one's.
        TeamConnection other = TeamFixture.connection(TeamDatabase.settings(1, "elsewhere"), dir);
        assertThat(new SharedKeySets(other, dir, "x", clock).list().sets()).isEmpty();
    }
}
