package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.KeySetStore;
import dev.purgedeck.sandbox.ObjectState;
import dev.purgedeck.team.SharedKeySets;
import dev.purgedeck.team.TeamConnection;
import dev.purgedeck.team.TeamPasswords;
import dev.purgedeck.team.TeamSchema;
import dev.purgedeck.team.TeamSettings;
import dev.purgedeck.team.TeamSettingsStore;
import dev.purgedeck.testsupport.Sandboxes;
import dev.purgedeck.testsupport.TeamDatabase;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code purge --keyset} and {@code keysets list} with sets shared with the team (a real PostgreSQL). */
class SharedKeySetsCliTest extends SandboxCliTest {
    private static final String NEWS = "https://www.dailycourier.example/news";
    private static final String SPORT = "https://www.dailycourier.example/sport";

    private SharedKeySets teamOf(TeamSettings db) throws Exception {
        new TeamSettingsStore(cli.dataDir).save(db);
        TeamConnection c = new TeamConnection(db, new TeamPasswords(tmp, Map.of(), tmp));
        TeamSchema.migrate(c);
        return new SharedKeySets(c, tmp.resolve("bob"), "bob@desk-2 (work)", Clock.systemUTC());
    }

    private Map<String, ObjectState> cache() {
        return Sandboxes.states(SANDBOX.server(), service);
    }

    @Test
    void aSharedSetIsPurgedWhenNoPersonalOneHasTheNameAndTeamPrefixForcesIt() throws Exception {
        SharedKeySets bob = teamOf(TeamDatabase.newDatabase());
        bob.create(KeySet.of("Sport pages", List.of("section-sport")).withService(service, "Daily Courier — www")
                .withSoft(true), null);

        CliHarness.Result shared = cli.run("purge", "--keyset", "SPORT pages");
        assertThat(shared.code()).as(shared.toString()).isZero();
        assertThat(cache()).containsEntry(SPORT, ObjectState.STALE).containsEntry(NEWS, ObjectState.FRESH);

        // A personal set of the same name wins; team: takes the shared one all the same.
        KeySetStore.open(cli.dataDir, Clock.systemUTC()).create(KeySet.of("Sport pages", List.of("section-news"))
                .withService(service, "Daily Courier — www"));
        CliHarness.Result personal = cli.run("purge", "--keyset", "Sport pages");
        assertThat(personal.code()).as(personal.toString()).isZero();
        assertThat(cache()).containsEntry(NEWS, ObjectState.GONE);
        CliHarness.Result forced = cli.run("purge", "--keyset", "team:Sport pages", "--no-soft");
        assertThat(forced.code()).as(forced.toString()).isZero();
        assertThat(cache()).containsEntry(SPORT, ObjectState.GONE);

        List<String> list = cli.run("keysets", "list").out().lines().toList();
        assertThat(list.get(0)).matches("NAME +KEYS +SERVICE +PURGE +UPDATED +BY");
        assertThat(list.get(1)).startsWith("Sport pages ").endsWith(" -");
        assertThat(list.get(2)).startsWith("team:Sport pages ").contains(" soft ").endsWith(" bob@desk-2 (work)");

        CliHarness.Result missing = cli.run("purge", "--keyset", "team:Nope");
        assertThat(missing.code()).isEqualTo(Cli.USAGE);
        assertThat(missing.err()).contains("there is no shared key set named 'Nope'; the team's key sets are: "
                + "team:Sport pages");
        assertThat(cli.run("purge", "--help").out()).contains("purgedeck purge --keyset team:Homepage", "'team:NAME'");
    }

    @Test
    void anOfflineTeamIsSaidAndWithoutATeamTheListIsAsBefore() throws Exception {
        KeySetStore.open(cli.dataDir, Clock.systemUTC()).create(KeySet.of("Weather", List.of("weather")));
        List<String> alone = cli.run("keysets", "list").out().lines().toList();
        assertThat(alone.get(0)).matches("NAME +KEYS +SERVICE +PURGE +UPDATED");
        assertThat(alone).hasSize(2);
        assertThat(cli.run("purge", "--keyset", "team:Weather").err())
                .contains("there is no shared key set named 'Weather'; no team database is set up");

        new TeamSettingsStore(cli.dataDir).save(TeamDatabase.settings(1, "nowhere"));
        CliHarness.Result offline = cli.run("keysets", "list");
        assertThat(offline.code()).isZero();
        assertThat(offline.out()).contains("Weather").containsPattern("Team key sets: offline since \\d\\d:\\d\\d, "
                + "shown from the offline copy \\(The team database 127.0.0.1:1/nowhere cannot be reached");
    }
}
