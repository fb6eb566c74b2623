package dev.purgedeck.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.fastly.SandboxAdmin;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.SandboxConfig;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.ManualClock;
import dev.purgedeck.testsupport.Sandboxes;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verified purges against the sandbox edge over real HTTP on 127.0.0.1, on one simulated clock: the shielding race
 * of docs/fastly-edge.md §2 replays with seed 3 (a purge reaches the edge 227 ms and the shield 1401 ms after it is
 * sent), and the verifier waits the sandbox's longest propagation delay (2 s) before it looks.
 */
class VerifiedPurgeSandboxTest {
    private static final String NEWS = "https://www.dailycourier.example/news";
    private static final String TEAPOT = "https://shop.northwind.example/products/4711-ceramic-teapot";
    private static final Duration PROPAGATION = Duration.ofSeconds(2);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00.250Z"));
    private final SimulatedTime time = new SimulatedTime(clock);
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<PageVerdict> heard = new CopyOnWriteArrayList<>();
    private final List<ItemOutcome> outcomes = new CopyOnWriteArrayList<>();
    private SandboxServer sandbox;
    private BulkPurgeRunner runner;
    private PageFetcher fetcher;
    private PurgeVerifier verifier;

    @BeforeEach
    void start() {
        sandbox = Sandboxes.start(SandboxConfig.builder().clock(clock).edgeSeed(3).maxPropagationDelay(PROPAGATION)
                .build());
        runner = new BulkPurgeRunner(Clients.client(sandbox.baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY));
        fetcher = PageFetcher.viaSandbox(sandbox.baseUri(), "PurgeDeck/test", FetchLimits.DEFAULT, executor);
        verifier = new PurgeVerifier(fetcher::inspect, time, clock,
                VerifySettings.DEFAULT.withWaits(PROPAGATION, PROPAGATION, Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        sandbox.close();
        executor.shutdownNow();
    }

    private PageReport visit(String url) {
        return fetcher.inspect(url).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The page is cached (edge and shield), a minute passes, and the CMS publishes version 2. */
    private void cachedThenPublished(String url) throws Exception {
        visit(url);
        clock.advance(Duration.ofSeconds(60));
        SandboxAdmin admin = new SandboxAdmin(HttpClient.newHttpClient(), Clients.MAPPER, sandbox.baseUri());
        assertThat(admin.publish(url).get(10, TimeUnit.SECONDS)).isEqualTo(2);
    }

    private PageVerdict purge(JobRequest request, VerifyPlan plan) throws Exception {
        VerifiedPurge job = VerifiedPurge.start(runner, BulkPurgeRunner.newJobId(), request, plan, verifier, time,
                ForkJoinPool.commonPool(), (o, d, t) -> outcomes.add(o), heard::add, VerifiedPurge.Recorder.NONE);
        assertThat(job.result().get(20, TimeUnit.SECONDS).items()).allMatch(ItemOutcome::ok);
        return job.verdict(0).get(20, TimeUnit.SECONDS);
    }

    private static JobRequest url(String url, PurgeOptions options) {
        return JobRequest.urls(null, List.of(url), options, 4);
    }

    @Test
    void aPublishedVersionIsFreshAfterAHardPurge() throws Exception {
        cachedThenPublished(NEWS);
        PageVerdict v = purge(url(NEWS, PurgeOptions.HARD), VerifyPlan.verify(List.of()));
        assertThat(v.freshness()).isEqualTo(Freshness.FRESH);
        assertThat(v.report().orElseThrow().etag().orElseThrow()).contains("-v2");
        // The look waits out the propagation from when the purge was sent (less the purge's own round trip).
        assertThat(time.waits()).singleElement().satisfies(w -> assertThat(w).isLessThanOrEqualTo(PROPAGATION)
                .isGreaterThan(PROPAGATION.minusSeconds(1)));
    }

    @Test
    void aSoftPurgeIsRefreshingFirstAndThenFresh() throws Exception {
        cachedThenPublished(TEAPOT);
        PageVerdict v = purge(url(TEAPOT, PurgeOptions.SOFT), VerifyPlan.verify(List.of()));
        assertThat(heard).extracting(PageVerdict::freshness).containsExactly(Freshness.REFRESHING, Freshness.FRESH);
        assertThat(heard.get(0).reason()).contains("soft purge");
        assertThat(v.freshness()).isEqualTo(Freshness.FRESH);
        assertThat(v.report().orElseThrow().etag().orElseThrow()).contains("-v2");
    }

    @Test
    void theShieldingRaceLeavesTheOldCopyAfterOnePurgeAndPurgingTwiceFixesIt() throws Exception {
        cachedThenPublished(NEWS);
        // A visitor between the edge's purge (227 ms) and the shield's (1401 ms) re-caches the old copy at the edge.
        time.visitIn(Duration.ofMillis(500), () -> visit(NEWS));
        PageVerdict once = purge(url(NEWS, PurgeOptions.HARD), VerifyPlan.verify(List.of()));
        assertThat(once.freshness()).isEqualTo(Freshness.OLD_COPY);
        assertThat(once.reason()).contains("shielding race");

        heard.clear();
        outcomes.clear();
        clock.advance(Duration.ofSeconds(30));
        time.visitIn(Duration.ofMillis(500), () -> visit(NEWS)); // the same race during the first of two purges
        PageVerdict twice = purge(url(NEWS, PurgeOptions.HARD),
                VerifyPlan.verify(List.of()).twice(Duration.ofSeconds(2)));
        assertThat(twice.freshness()).isEqualTo(Freshness.FRESH);
        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.secondPurgeId()).isNotBlank());
    }

    @Test
    void aKeyIsVerifiedOnItsSamplePagesAndWithoutThemIsNotVerified() throws Exception {
        cachedThenPublished(NEWS);
        String service = sandbox.account().services().stream()
                .filter(s -> s.name().equals("Daily Courier — www")).findFirst().orElseThrow().id();
        PageVerdict withPages = purge(JobRequest.keys(service, List.of("news"), PurgeOptions.HARD, 4),
                VerifyPlan.verify(List.of(NEWS)));
        assertThat(withPages.freshness()).isEqualTo(Freshness.FRESH);
        PageVerdict without = purge(JobRequest.keys(service, List.of("news"), PurgeOptions.HARD, 4),
                VerifyPlan.verify(List.of()));
        assertThat(without.freshness()).isEqualTo(Freshness.NOT_VERIFIED);
    }

    @Test
    void strippedDebugHeadersARedirectAndAPassAreSaidForWhatTheyAre() throws Exception {
        PageVerdict stripped = purge(url("https://docs.northwind.example/", PurgeOptions.HARD),
                VerifyPlan.verify(List.of()));
        assertThat(stripped.freshness()).isEqualTo(Freshness.CANT_TELL);
        assertThat(stripped.reason()).contains("debug headers");
        PageVerdict redirect = purge(url("https://www.northwind.example/", PurgeOptions.HARD),
                VerifyPlan.verify(List.of()));
        assertThat(redirect.freshness()).isEqualTo(Freshness.CANT_TELL);
        assertThat(redirect.reason()).contains("redirect").contains("https://shop.northwind.example/");
        PageVerdict pass = purge(url("https://shop.northwind.example/cart", PurgeOptions.HARD),
                VerifyPlan.verify(List.of()));
        assertThat(pass.freshness()).isEqualTo(Freshness.NOT_CACHED);
    }

    @Test
    void outcomesArriveWithoutWaitingForAPageThatHangsAndCancelEndsItsVerdict() throws Exception {
        PurgeVerifier hanging = new PurgeVerifier(u -> new CompletableFuture<>(), time, clock, VerifySettings.DEFAULT);
        VerifiedPurge job = VerifiedPurge.start(runner, BulkPurgeRunner.newJobId(), url(NEWS, PurgeOptions.HARD),
                VerifyPlan.verify(List.of()), hanging, time, ForkJoinPool.commonPool(), (o, d, t) -> outcomes.add(o),
                heard::add, VerifiedPurge.Recorder.NONE);
        assertThat(job.result().get(10, TimeUnit.SECONDS).items()).allMatch(ItemOutcome::ok);
        assertThat(outcomes).hasSize(1);
        assertThat(job.verdict(0)).isNotDone();
        job.cancel();
        assertThat(job.verdict(0).get(5, TimeUnit.SECONDS).freshness()).isEqualTo(Freshness.NOT_VERIFIED);
    }
}
