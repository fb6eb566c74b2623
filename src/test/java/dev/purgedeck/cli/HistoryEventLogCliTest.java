package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.OutsideEvents;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    void untilAndServiceReachFastlysFiltersAndTheServiceIsNamed() throws Exception {
        List<ServiceInfo> services = Clients.client(SANDBOX.server().baseUri(), DemoAccount.GLOBAL_TOKEN,
                Clients.FAST_RETRY).listServices().get(30, TimeUnit.SECONDS);
        ServiceInfo a = services.get(0);
        ServiceInfo b = services.get(1);
        Instant now = Instant.now();
        OutsideEvents.purgeAll(SANDBOX.server().baseUri(), a.id(), "OldUserA0001", "198.51.100.1",
                now.minusSeconds(3 * 3600));
        OutsideEvents.purgeAll(SANDBOX.server().baseUri(), b.id(), "UserOnB00001", "198.51.100.2",
                now.minusSeconds(2 * 3600));
        OutsideEvents.purgeAll(SANDBOX.server().baseUri(), a.id(), "NewUserA0001", "198.51.100.3",
                now.minusSeconds(600));
        SANDBOX.server().requests().clear();

        CliHarness.Result r = cli.run("history", "--fastly-events", "--until",
                now.minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS).toString(), "--service", a.name());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("OldUserA0001", a.name() + " (" + a.id() + ")")
                .doesNotContain("NewUserA0001").doesNotContain("UserOnB00001");
        // Fastly did the filtering: the request carried both filters, so only the asked-for events crossed.
        assertThat(SANDBOX.server().requests().all()).map(q -> URLDecoder.decode(q.rawPathAndQuery(),
                StandardCharsets.UTF_8)).filteredOn(q -> q.startsWith("/events")).singleElement().asString()
                .contains("filter[created_at][lte]=" + now.minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS),
                        "filter[service_id]=" + a.id());
    }

    @Test
    void anUnknownServiceIsSaidAndTheLogNotRead() {
        CliHarness.Result r = cli.run("history", "--fastly-events", "--service", "No Such Shop");

        assertThat(r.code()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("--service No Such Shop is no service this token can see");
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
