package dev.purgedeck.ui.purge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.edge.FetchLimits;
import dev.purgedeck.edge.Freshness;
import dev.purgedeck.edge.PageFetcher;
import dev.purgedeck.edge.PurgeVerifier;
import dev.purgedeck.edge.VerifyPlan;
import dev.purgedeck.edge.VerifySettings;
import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.fastly.SandboxAdmin;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.SandboxConfig;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.ManualClock;
import dev.purgedeck.testsupport.ManualScheduler;
import dev.purgedeck.testsupport.Sandboxes;
import dev.purgedeck.testsupport.UiQueue;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Purge everything with a page to check, without the toolkit: the job stays open through Fastly's 20 s, counting
 * down in the progress, and ends with the page's verdict; Cancel during the wait ends it as not verified. The
 * sandbox, the verifier and the countdown share one clock the test moves, and every wait ends when the test says.
 */
class ResultsPurgeAllCheckTest {
    private static final String NEWS = "https://www.dailycourier.example/news";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00.250Z"));
    private final ManualScheduler waits = new ManualScheduler();
    private final ExecutorService pages = Executors.newFixedThreadPool(2);
    private final UiQueue fx = new UiQueue();
    private SandboxServer sandbox;
    private ResultsViewModel results;
    private String service;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandboxes.start(SandboxConfig.builder().clock(clock).build());
        PageFetcher fetcher = PageFetcher.viaSandbox(sandbox.baseUri(), "PurgeDeck/test", FetchLimits.DEFAULT, pages);
        results = new ResultsViewModel(new BulkPurgeRunner(Clients.client(sandbox.baseUri(), DemoAccount.GLOBAL_TOKEN,
                Clients.FAST_RETRY)), fx);
        results.setVerifier(new PurgeVerifier(fetcher::inspect, waits, clock, VerifySettings.DEFAULT));
        results.setPlanner(r -> VerifyPlan.verify(List.of(NEWS)));
        service = sandbox.account().services().stream().filter(s -> s.name().equals("Daily Courier — www"))
                .findFirst().orElseThrow().id();
        fetcher.inspect(NEWS).get(10, TimeUnit.SECONDS);
        clock.advance(Duration.ofSeconds(60));
        new SandboxAdmin(HttpClient.newHttpClient(), Clients.MAPPER, sandbox.baseUri()).publish(NEWS)
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        sandbox.close();
        pages.shutdownNow();
    }

    @Test
    void thePageIsLookedAtAfterTheCountdownAndTheJobEndsWithItsVerdict() {
        results.start(JobRequest.all(service, PurgeOptions.HARD));
        // The countdown's tick and the propagation wait are scheduled from different threads, in either order.
        List<ManualScheduler.Wait> both = new ArrayList<>(List.of(waits.next(), waits.next()));
        both.sort(Comparator.comparing(ManualScheduler.Wait::delay));
        ManualScheduler.Wait tick = both.get(0);
        assertThat(tick.delay()).isEqualTo(Duration.ofSeconds(1));
        ManualScheduler.Wait propagation = both.get(1);
        assertThat(propagation.delay()).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(20));
        ResultRow row = results.rows().get(0);
        fx.runUntil(() -> row.outcome() != null);
        assertThat(row.state()).as("the outcome comes first").isEqualTo(ResultRow.State.OK);
        assertThat(results.runningProperty().get()).as("open, so Cancel stops the check").isTrue();
        assertThat(results.progressDetailProperty().get()).startsWith("Checking pages in 20 s\u2026");

        clock.advance(Duration.ofSeconds(8));
        tick.end();
        fx.drain();
        assertThat(results.progressDetailProperty().get()).startsWith("Checking pages in 12 s\u2026");
        assertThat(row.verdictProperty().get()).as("nothing looked at before the wait").isNull();

        clock.advance(Duration.ofSeconds(12));
        propagation.end();
        fx.runUntil(() -> !results.runningProperty().get());
        assertThat(row.verdictProperty().get().freshness()).isEqualTo(Freshness.FRESH);
        assertThat(row.verdictProperty().get().url()).contains(NEWS);
        assertThat(results.progressDetailProperty().get()).isEmpty();
        assertThat(results.summaryProperty().get()).isEqualTo("1 purged, 0 failed");
    }

    @Test
    void cancelDuringTheWaitEndsTheJobAndTheItemIsNotVerified() {
        results.start(JobRequest.all(service, PurgeOptions.HARD));
        waits.next();
        waits.next();
        ResultRow row = results.rows().get(0);
        fx.runUntil(() -> row.outcome() != null);
        results.cancel();
        fx.runUntil(() -> !results.runningProperty().get());
        assertThat(row.state()).as("the purge itself was done").isEqualTo(ResultRow.State.OK);
        assertThat(row.verdictProperty().get().freshness()).isEqualTo(Freshness.NOT_VERIFIED);
        assertThat(row.verdictText()).isEqualTo("Not verified");
        assertThat(row.verdictReason()).contains("stopped");
    }
}
