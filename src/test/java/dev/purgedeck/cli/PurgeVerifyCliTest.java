package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.edge.FetchLimits;
import dev.purgedeck.edge.PageFetcher;
import dev.purgedeck.fastly.SandboxAdmin;
import dev.purgedeck.history.HistoryStore;
import dev.purgedeck.history.JobNotes;
import dev.purgedeck.sandbox.SandboxConfig;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.ManualClock;
import dev.purgedeck.testsupport.Sandboxes;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code purgedeck purge --verify/--twice} against the sandbox edge, whose clock the test holds: the page was cached
 * a minute before the CMS published version 2. With purges that reach the POPs at once the page is fresh; with a
 * propagation delay the frozen clock never lets pass, the old copy is still served and the exit code says so.
 */
class PurgeVerifyCliTest {
    private static final String NEWS = "https://www.dailycourier.example/news";

    @TempDir
    Path tmp;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00.250Z"));
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private SandboxServer sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        executor.shutdownNow();
    }

    private CliHarness cachedThenPublished(Duration propagation) throws Exception {
        sandbox = Sandboxes.start(SandboxConfig.builder().clock(clock).maxPropagationDelay(propagation).build());
        PageFetcher.viaSandbox(sandbox.baseUri(), "PurgeDeck/test", FetchLimits.DEFAULT, executor).inspect(NEWS)
                .get(10, TimeUnit.SECONDS);
        clock.advance(Duration.ofSeconds(60));
        new SandboxAdmin(HttpClient.newHttpClient(), Clients.MAPPER, sandbox.baseUri()).publish(NEWS)
                .get(10, TimeUnit.SECONDS);
        return new CliHarness(tmp, sandbox);
    }

    @Test
    void verifyPrintsAVerdictColumnAndRecordsTheVerdictInTheHistory() throws Exception {
        CliHarness cli = cachedThenPublished(Duration.ZERO);
        CliHarness.Result r = cli.run("purge", "--url", NEWS, "--verify");
        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.OK);
        assertThat(r.out()).containsPattern("TARGET +PURGE ID +OUTCOME +VERDICT")
                .containsPattern(NEWS + " +\\S+ +ok +Fresh \u2014 fetched from origin");

        CliHarness.Result fresh = cli.run("history", "--verdict", "fresh", "--json");
        JsonNode entries = new ObjectMapper().readTree(fresh.out());
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.get("verdict").asText()).isEqualTo("fresh");
            assertThat(e.get("verdict_reason").asText()).isNotBlank();
        });
        assertThat(cli.run("history", "--verdict", "old_copy").out()).contains("No purges match.");
        assertThat(cli.run("history").out()).containsPattern("VERDICT").contains("Fresh");
        // The purge's line was written before the look; the verdict is a note beside it, merged in by the reader.
        assertThat(Files.readString(cli.dataDir.resolve(HistoryStore.FILE_NAME))).doesNotContain("verdict");
        assertThat(Files.readString(cli.dataDir.resolve(JobNotes.FILE_NAME))).contains("\"kind\":\"verdict\"",
                "\"text\":\"fresh\"");
    }

    @Test
    void anOldCopyStillServedAfterPurgingTwiceMakesTheExitCodeOne() throws Exception {
        CliHarness cli = cachedThenPublished(Duration.ofSeconds(2));
        CliHarness.Result r = cli.run("purge", "--url", NEWS, "--verify", "--twice-delay", "1s", "--json");
        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("old copy still served: " + NEWS);
        JsonNode item = new ObjectMapper().readTree(r.out()).get("items").get(0);
        assertThat(item.get("outcome").asText()).isEqualTo("ok");
        assertThat(item.get("verdict").asText()).isEqualTo("old_copy");
        assertThat(item.get("verdict_reason").asText()).contains("60 s old");
        assertThat(item.get("second_purge_id").asText()).isNotBlank().isNotEqualTo(item.get("purge_id").asText());
        assertThat(cli.run("history", "--verdict", "old copy", "--json").out()).contains("\"second_purge_id\"");
    }

    @Test
    void theVerdictColumnSaysWhyItCannotTellAndJsonKeepsTheWholeReason() throws Exception {
        CliHarness cli = cachedThenPublished(Duration.ZERO);
        String stripped = "https://docs.northwind.example/";
        String redirect = "https://www.northwind.example/";
        CliHarness.Result r = cli.run("purge", "--url", stripped, "--url", redirect, "--verify");
        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.OK);
        assertThat(r.out()).containsPattern(stripped + " +\\S+ +ok +Can't tell \u2014 debug headers stripped")
                .containsPattern(redirect + " +\\S+ +ok +Can't tell \u2014 redirect \\(HTTP 301\\)");
        JsonNode items = new ObjectMapper().readTree(cli.run("purge", "--url", stripped, "--verify", "--json").out())
                .get("items");
        assertThat(items.get(0).get("verdict").asText()).isEqualTo("cant_tell");
        assertThat(items.get(0).get("verdict_reason").asText()).startsWith("The service strips Fastly's debug headers");
    }

    @Test
    void checkPagesWithoutVerifyAndBadVerdictNamesAreUsageErrors() throws Exception {
        CliHarness cli = cachedThenPublished(Duration.ZERO);
        CliHarness.Result r = cli.run("purge", "--url", NEWS, "--check", NEWS);
        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("--check names pages for --verify");
        assertThat(sandbox.requests().count()).isZero();
        CliHarness.Result h = cli.run("history", "--verdict", "stale-ish");
        assertThat(h.code()).isEqualTo(Cli.USAGE);
        assertThat(h.err()).contains("unknown verdict 'stale-ish'");
    }

    @Test
    void aKeySetIsVerifiedOnItsSampleUrlsAndWithoutAnyItSaysNotVerified() throws Exception {
        CliHarness cli = cachedThenPublished(Duration.ZERO);
        Path file = tmp.resolve("sets.json");
        java.nio.file.Files.writeString(file, """
                {"version": 1, "key_sets": [
                  {"name": "News", "keys": ["section-news"], "sample_urls": ["www.dailycourier.example/news"]},
                  {"name": "Sport", "keys": ["section-sport"]}]}
                """);
        assertThat(cli.run("keysets", "import", file.toString()).code()).isEqualTo(Cli.OK);
        assertThat(cli.run("keysets", "show", "News").out()).contains("Pages to check (1):")
                .contains("  " + NEWS);

        CliHarness.Result r = cli.run("purge", "--keyset", "News", "--service", "Daily Courier \u2014 www",
                "--verify", "--json");
        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.OK);
        JsonNode item = new ObjectMapper().readTree(r.out()).get("items").get(0);
        assertThat(item.get("target").asText()).isEqualTo("section-news");
        assertThat(item.get("verdict").asText()).isEqualTo("fresh");

        CliHarness.Result sport = cli.run("purge", "--keyset", "Sport", "--service", "Daily Courier \u2014 www",
                "--verify", "--json");
        assertThat(sport.code()).as(sport.toString()).isEqualTo(Cli.OK);
        JsonNode none = new ObjectMapper().readTree(sport.out()).get("items").get(0);
        assertThat(none.get("verdict").asText()).isEqualTo("not_verified");
        assertThat(none.get("verdict_reason").asText()).startsWith("No page was given to check");
    }
}
