package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.keysets.KeySet;
import dev.purgedeck.keysets.KeySetStore;
import dev.purgedeck.sandbox.ObjectState;
import dev.purgedeck.testsupport.Sandboxes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of purge, in-process against the sandbox: what it prints, what it purges, what it records. */
class PurgeCommandTest extends SandboxCliTest {
    static final String NEWS = "https://www.dailycourier.example/news";
    static final String SPORT = "https://www.dailycourier.example/sport";

    private Map<String, ObjectState> cache() {
        return Sandboxes.states(SANDBOX.server(), service);
    }

    @Test
    void urlsArePurgedPrintedAsATableAndRecorded() {
        CliHarness.Result r = cli.run("purge", "--url", NEWS, SPORT);

        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("TARGET +PURGE ID +OUTCOME");
        assertThat(lines.get(1)).matches("\\Q" + NEWS + "\\E +\\d+-\\d+-\\d+ +ok");
        assertThat(lines.get(2)).matches("\\Q" + SPORT + "\\E +\\d+-\\d+-\\d+ +ok");
        assertThat(lines.get(3)).isEqualTo("2 purged, 0 failed");
        assertThat(r.err()).isEmpty();
        assertThat(cache()).containsEntry(NEWS, ObjectState.GONE).containsEntry(SPORT, ObjectState.GONE)
                .containsEntry("https://www.dailycourier.example/", ObjectState.FRESH);

        List<HistoryEntry> history = cli.history();
        assertThat(history).hasSize(2).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(PurgeKind.URL);
            assertThat(e.outcome()).isEqualTo(HistoryEntry.Outcome.OK);
            assertThat(e.profile()).isEqualTo("Environment");
            assertThat(e.endpoint()).isEqualTo(SANDBOX.server().baseUri().toString());
            assertThat(e.environment()).isEqualTo("production");
            assertThat(e.user()).isEqualTo(System.getProperty("user.name"));
            assertThat(e.appVersion()).isNotBlank();
        });
        assertThat(history).extracting(HistoryEntry::jobId).containsOnly(history.get(0).jobId());
        assertThat(lines.get(1)).contains(history.stream().filter(e -> e.target().equals(NEWS)).findFirst()
                .orElseThrow().purgeId());
    }

    @Test
    void aUrlsFileWithBlankLinesAndRepeatsPurgesEachUrlOnce() {
        Path f = cli.file("urls.txt", "", NEWS, "   ", SPORT + "  ", NEWS, "");

        CliHarness.Result r = cli.run("purge", "--urls-file", f.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("2 purged, 0 failed");
        assertThat(r.err()).contains("1 repeated URL is purged only once");
        assertThat(cli.history()).extracting(HistoryEntry::target).containsExactlyInAnyOrder(NEWS, SPORT);
    }

    @Test
    void aUrlPurgeGivenAServiceIdSendsOnlyThePurges() {
        // A URL purge goes to the URL whatever the service, and the history records each URL's own service (from
        // the host map), not the one given: looking its name up would be a request for nothing.
        CliHarness.Result r = cli.run("purge", "-s", service, "--url", NEWS, SPORT);

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(SANDBOX.server().requests().all()).extracting(q -> q.method() + " " + q.rawPathAndQuery())
                .containsExactlyInAnyOrder("POST /purge/" + NEWS, "POST /purge/" + SPORT);
        assertThat(cli.history()).hasSize(2).allSatisfy(e -> assertThat(e.serviceId()).isNull());
    }

    @Test
    void keysAreSoftPurgedOnAServiceGivenByIdAndRecordedWithItsName() {
        CliHarness.Result r = cli.run("purge", "-s", service, "--key", "section-sport", "homepage", "--soft");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("section-sport +\\d+-\\d+-\\d+-\\d+ +ok").contains("2 purged, 0 failed");
        assertThat(cache()).containsEntry(SPORT, ObjectState.STALE).containsEntry(NEWS, ObjectState.FRESH);
        assertThat(cli.history()).hasSize(2).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(PurgeKind.KEY);
            assertThat(e.soft()).isTrue();
            assertThat(e.serviceId()).isEqualTo(service);
            assertThat(e.serviceName()).isEqualTo("Daily Courier — www");
            assertThat(e.purgeId()).isNotBlank();
        });
        // The name came from GET /service/{id}, not from listing every service.
        assertThat(SANDBOX.server().requests().all()).filteredOn(q -> q.method().equals("GET"))
                .extracting(q -> q.rawPathAndQuery()).containsExactly("/service/" + service);
    }

    @Test
    void aKeysFileOnAServiceGivenByNameIsPurgedInBatches() {
        Path f = cli.file("keys.txt", "homepage", "", "  section-news  ", "");

        CliHarness.Result r = cli.run("purge", "--service", "Daily Courier — www", "--keys-file", f.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(cache()).containsEntry(NEWS, ObjectState.GONE).containsEntry(SPORT, ObjectState.FRESH);
        assertThat(cli.history()).extracting(HistoryEntry::target).containsExactly("homepage", "section-news");
        assertThat(SANDBOX.server().requests().all()).filteredOn(q -> q.method().equals("POST")).hasSize(1);
    }

    @Test
    void theServiceFallsBackToFastlyServiceId() {
        cli.env.put("FASTLY_SERVICE_ID", service);

        CliHarness.Result r = cli.run("purge", "--key", "section-sport", "--staging");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Sandboxes.states(SANDBOX.server(), service, "staging")).containsEntry(SPORT, ObjectState.GONE);
        assertThat(cache()).containsEntry(SPORT, ObjectState.FRESH);
        assertThat(cli.history()).singleElement().satisfies(e -> {
            assertThat(e.serviceId()).isEqualTo(service);
            assertThat(e.environment()).isEqualTo("staging");
        });
    }

    @Test
    void aKeySetSavedInTheWindowIsPurgedOnItsServiceAndSoftness() throws Exception {
        KeySetStore.open(cli.dataDir, Clock.systemUTC()).create(KeySet.of("Sport pages", List.of("section-sport"))
                .withService(service, "Daily Courier — www").withSoft(true));

        CliHarness.Result soft = cli.run("purge", "--keyset", "sport PAGES");
        assertThat(soft.code()).as(soft.toString()).isZero();
        assertThat(cache()).containsEntry(SPORT, ObjectState.STALE);

        CliHarness.Result hard = cli.run("purge", "--keyset", "Sport pages", "--no-soft");
        assertThat(hard.code()).as(hard.toString()).isZero();
        assertThat(cache()).containsEntry(SPORT, ObjectState.GONE);
        assertThat(cli.history()).extracting(HistoryEntry::soft).containsExactly(true, false);
    }

    @Test
    void everythingIsPurgedWithYes() {
        CliHarness.Result r = cli.run("purge", "-s", service, "--all", "--yes");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern(service + " +- +ok").contains("1 purged, 0 failed");
        assertThat(cache()).allSatisfy((url, state) -> assertThat(state).isEqualTo(ObjectState.GONE));
        assertThat(cli.history()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(PurgeKind.ALL);
            assertThat(e.target()).isEqualTo(service);
        });
    }

    @Test
    void atATerminalEverythingIsPurgedOnlyAfterTypingTheServiceName() {
        CliHarness.Result wrong = cli.typing("Daily Courier\n").run("purge", "-s", service, "--all");
        assertThat(wrong.code()).as(wrong.toString()).isEqualTo(2);
        assertThat(wrong.err()).contains("Type the service name to confirm").contains("nothing was purged");
        assertThat(cache()).allSatisfy((url, state) -> assertThat(state).isEqualTo(ObjectState.FRESH));

        CliHarness.Result right = cli.typing("Daily Courier — www\n").run("purge", "-s", service, "--all");
        assertThat(right.code()).as(right.toString()).isZero();
        assertThat(cache()).allSatisfy((url, state) -> assertThat(state).isEqualTo(ObjectState.GONE));
        assertThat(cli.history()).hasSize(1);
    }

    @Test
    void aServiceNameMatchesAsTheWindowsConfirmationDoesAnyDashAndAnyCase() {
        // A plain hyphen for the em dash, other case, extra spaces: the same service, as the window accepts it.
        CliHarness.Result r = cli.run("purge", "--service", "daily courier  -  WWW", "--key", "homepage");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(cli.history()).singleElement().satisfies(e -> {
            assertThat(e.serviceId()).isEqualTo(service);
            assertThat(e.serviceName()).isEqualTo("Daily Courier — www");
        });
    }

    @Test
    void typingTheNameWithAPlainHyphenConfirmsPurgingEverything() {
        CliHarness.Result r = cli.typing("Daily Courier - www\n").run("purge", "-s", service, "--all");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(cli.history()).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(
                PurgeKind.ALL));
        // Letters still count: a name in the wrong case is no confirmation.
        CliHarness.Result wrong = cli.typing("daily courier - www\n").run("purge", "-s", service, "--all");
        assertThat(wrong.code()).as(wrong.toString()).isEqualTo(Cli.USAGE);
        assertThat(cli.history()).hasSize(1);
    }

    @Test
    void jsonIsOneDocumentOnStdoutMatchingTheHistory() throws Exception {
        CliHarness.Result r = cli.run("purge", "-s", service, "--key", "homepage", "article-4711", "--json");

        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        List<HistoryEntry> history = cli.history();
        assertThat(doc.get("job_id").asText()).isEqualTo(history.get(0).jobId());
        assertThat(doc.get("kind").asText()).isEqualTo("key");
        assertThat(doc.get("service_id").asText()).isEqualTo(service);
        assertThat(doc.get("service_name").asText()).isEqualTo("Daily Courier — www");
        assertThat(doc.get("summary").get("total").asInt()).isEqualTo(2);
        assertThat(doc.get("summary").get("ok").asInt()).isEqualTo(2);
        assertThat(doc.get("summary").get("failed").asInt()).isZero();
        JsonNode items = doc.get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("target").asText()).isEqualTo("homepage");
        assertThat(items.get(0).get("outcome").asText()).isEqualTo("ok");
        assertThat(items.get(0).get("http_status").asInt()).isEqualTo(200);
        assertThat(items.get(0).get("purge_id").asText()).isEqualTo(history.get(0).purgeId());
        assertThat(items.get(1).get("purge_id").asText()).isEqualTo(history.get(1).purgeId());
    }

    @Test
    void theHistoryCommandShowsWhatThePurgeRecorded() throws Exception {
        cli.run("purge", "--url", NEWS);

        CliHarness.Result r = cli.run("history", "--json");

        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("target").asText()).isEqualTo(NEWS);
        assertThat(rows.get(0).get("purge_id").asText()).isEqualTo(cli.history().get(0).purgeId());
    }
}
