package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.testsupport.Clients;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code purge --url} routes each URL to its service: warned about on stderr when none serves it, recorded per item. */
class PurgeHostsCliTest extends SandboxCliTest {
    private static final String NEWS = "https://www.dailycourier.example/news";
    private static final String SHOP = "https://shop.northwind.example/";
    private static final String UNKNOWN = "https://news.example.org/today";

    private String idOf(String name) {
        return SANDBOX.server().account().services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow().id();
    }

    @Test
    void anUnknownHostIsWarnedOnStderrAndEachUrlRecordsItsService() {
        CliHarness.Result r = cli.run("purge", "--check-hosts", "--url", NEWS, SHOP, UNKNOWN);

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err().lines()).containsExactly("purgedeck: no service you can see serves news.example.org: "
                + "Fastly would purge nothing for 1 URL (sent anyway)");
        List<HistoryEntry> history = cli.history();
        assertThat(history).extracting(HistoryEntry::target, HistoryEntry::serviceId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(NEWS, idOf("Daily Courier \u2014 www")),
                org.assertj.core.groups.Tuple.tuple(SHOP, idOf("Northwind Shop")),
                org.assertj.core.groups.Tuple.tuple(UNKNOWN, null));
        assertThat(cli.dataDir.resolve("hosts.json")).isRegularFile();
    }

    @Test
    void jsonNamesEachUrlsServiceAndTheUnknownHosts() throws Exception {
        CliHarness.Result r = cli.run("purge", "--check-hosts", "--url", NEWS, UNKNOWN, "--json");

        JsonNode doc = Clients.MAPPER.readTree(r.out());
        assertThat(doc.get("hosts_checked").asBoolean()).isTrue();
        assertThat(doc.get("unknown_hosts")).extracting(JsonNode::asText).containsExactly("news.example.org");
        assertThat(doc.get("items").get(0).get("service_name").asText()).isEqualTo("Daily Courier \u2014 www");
        assertThat(doc.get("items").get(1).get("service_id").isNull()).isTrue();
        assertThat(r.err()).contains("news.example.org");
    }

    @Test
    void aPurgeOnlyTokenIsToldHostsCannotBeCheckedAndStillPurges() {
        cli.env.put("FASTLY_API_TOKEN", DemoAccount.PURGE_SELECT_TOKEN);

        CliHarness.Result r = cli.run("purge", "--check-hosts", "--url", UNKNOWN);

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err().lines()).containsExactly("purgedeck: hosts cannot be checked with this token (it may not "
                + "read services); the URLs are purged all the same");
        assertThat(SANDBOX.server().requests().all()).anyMatch(q -> q.method().equals("POST"));
    }

    @Test
    void theKeptMapIsUsedWithoutAskingAgain() {
        cli.run("purge", "--check-hosts", "--url", NEWS);
        SANDBOX.server().requests().clear();

        CliHarness.Result r = cli.run("purge", "--url", SHOP);

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(SANDBOX.server().requests().all()).noneMatch(q -> q.rawPathAndQuery().contains("/details"));
        assertThat(cli.history()).filteredOn(e -> e.target().equals(SHOP)).extracting(HistoryEntry::serviceName)
                .containsExactly("Northwind Shop");
    }

    @Test
    void withoutAKeptMapNothingIsAskedAndNothingWarned() {
        CliHarness.Result r = cli.run("purge", "--url", UNKNOWN);

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(SANDBOX.server().requests().all()).noneMatch(q -> q.method().equals("GET"));
    }
}
