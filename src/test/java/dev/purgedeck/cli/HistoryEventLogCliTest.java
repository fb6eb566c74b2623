package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.testsupport.OutsideEvents;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code history --fastly-events}: purge-alls made outside PurgeDeck, from Fastly's event log. */
class HistoryEventLogCliTest extends SandboxCliTest {

    @Test
    void listsPurgeAllsMadeElsewhereButNotTheOnesPurgeDeckMade() {
        CliHarness.Result purge = cli.run("purge", "--all", "-s", service, "--yes");
        assertThat(purge.code()).as(purge.toString()).isZero();
        OutsideEvents.purgeAll(SANDBOX.server().baseUri(), service, "CliUser00001", "198.51.100.4",
                Instant.now().minusSeconds(3600));

        CliHarness.Result r = cli.run("history", "--fastly-events");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Purge-alls from Fastly's event log, made outside PurgeDeck:")
                .containsPattern("CliUser00001 +198\\.51\\.100\\.4")
                .doesNotContain("SbxTokenGlobal00000001");
        // The local purge-all is still listed once, in the local table.
        assertThat(r.out()).containsPattern("ok +all");
    }

    @Test
    void saysPlainlyWhenTheTokenMayNotReadTheLog() {
        cli.env.put("FASTLY_API_TOKEN", DemoAccount.PURGE_SELECT_TOKEN);

        CliHarness.Result r = cli.run("history", "--fastly-events");

        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("This token may not read Fastly's event log");
        assertThat(r.err()).doesNotContain(DemoAccount.PURGE_SELECT_TOKEN);
    }

    @Test
    void refusesTheFlagWithAnExportFormat() {
        CliHarness.Result r = cli.run("history", "--fastly-events", "--json");

        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("--fastly-events goes with the table");
    }
}
