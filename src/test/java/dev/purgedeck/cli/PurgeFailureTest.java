package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.FaultSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fastly failing some or all items: exit code 1, the reasons on stderr, every item in the history anyway. */
class PurgeFailureTest extends SandboxCliTest {
    static final String[] URLS = {"https://www.dailycourier.example/", "https://www.dailycourier.example/news",
        "https://www.dailycourier.example/sport", "https://www.dailycourier.example/sitemap.xml"};

    @BeforeEach
    void rateLimitAfterTwo() {
        // Two answers, then 429 for an hour: too long to wait out, so the rest fail at once, in a known order.
        SANDBOX.server().setFaults(FaultSettings.none().withRateLimitAfter(2, Duration.ofHours(1)));
    }

    private String[] purgeUrls(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("purge", "--concurrency", "1", "--url"));
        args.addAll(List.of(URLS));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void somePurgedSomeFailedExitsWith1AndRecordsEveryItem() {
        CliHarness.Result r = cli.run(purgeUrls());

        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.FAILED);
        assertThat(r.out()).containsPattern("/news +\\d+-\\d+-\\d+ +ok").containsPattern("/sport +- +failed")
                .contains("2 purged, 2 failed");
        assertThat(r.err()).contains("failed: 2 items (" + URLS[2] + ", " + URLS[3] + "): Fastly's rate limit");
        List<HistoryEntry> history = cli.history();
        assertThat(history).extracting(HistoryEntry::outcome).containsExactly(HistoryEntry.Outcome.OK,
                HistoryEntry.Outcome.OK, HistoryEntry.Outcome.FAILED, HistoryEntry.Outcome.FAILED);
        assertThat(history.get(3).httpStatus()).isEqualTo(429);
        assertThat(history.get(3).error()).contains("rate limit");
    }

    @Test
    void jsonCountsTheFailuresAndCarriesTheirReasons() throws Exception {
        CliHarness.Result r = cli.run(purgeUrls("--json"));

        assertThat(r.code()).isEqualTo(Cli.FAILED);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("summary").get("ok").asInt()).isEqualTo(2);
        assertThat(doc.get("summary").get("failed").asInt()).isEqualTo(2);
        JsonNode failed = doc.get("items").get(3);
        assertThat(failed.get("outcome").asText()).isEqualTo("failed");
        assertThat(failed.get("purge_id").isNull()).isTrue();
        assertThat(failed.get("http_status").asInt()).isEqualTo(429);
        assertThat(failed.get("error").asText()).contains("rate limit");
    }

    @Test
    void aRejectedTokenFailsEveryItemWithoutShowingTheToken() {
        SANDBOX.server().clearFaults();
        String secret = "notARealTokenButSecret0000000042";
        cli.env.put("FASTLY_API_TOKEN", secret);

        CliHarness.Result r = cli.run("purge", "-s", SANDBOX.service(), "--key", "a", "b", "c");

        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.FAILED);
        assertThat(r.out()).contains("0 purged, 3 failed");
        assertThat(r.err()).contains("failed: 3 items (a, b, c): Fastly did not accept the API token");
        assertThat(r.out() + r.err()).doesNotContain(secret);
        assertThat(cli.history()).hasSize(3).allSatisfy(e -> assertThat(e.httpStatus()).isEqualTo(401));
    }

    @Test
    void aScopeTooNarrowForPurgeAllFails() {
        SANDBOX.server().clearFaults();
        cli.env.put("FASTLY_API_TOKEN", DemoAccount.PURGE_SELECT_TOKEN);

        CliHarness.Result r = cli.run("purge", "-s", SANDBOX.service(), "--all", "--yes");

        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("The API token is not allowed to do this");
        assertThat(cli.history()).singleElement().satisfies(e -> assertThat(e.httpStatus()).isEqualTo(403));
    }
}
