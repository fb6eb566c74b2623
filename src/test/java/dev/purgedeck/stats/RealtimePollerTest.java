package dev.purgedeck.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.ApiToken;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.SandboxConfig;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.sandbox.TrafficCount;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.ManualClock;
import dev.purgedeck.testsupport.ManualScheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real-time client against the sandbox over HTTP, and the impact summary against the sandbox's own counts. */
class RealtimePollerTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00.250Z"));
    private final SandboxServer sandbox;
    private final String serviceId;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

    RealtimePollerTest() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.builder().clock(clock).trafficPerSecond(300).build());
        serviceId = sandbox.account().services().get(2).id();
    }

    @AfterEach
    void close() {
        sandbox.close();
    }

    private record Problem(String message, boolean stopped) {
    }

    private record History(List<StatsSecond> seconds) {
    }

    private RealtimePoller poller(String token) {
        return poller(sandbox, token);
    }

    private RealtimePoller poller(SandboxServer server, String token) {
        return new RealtimePoller(http, Clients.MAPPER, server.realtimeBaseUri(), ApiToken.of(token), serviceId,
                scheduler, new RealtimePoller.Listener() {
                    @Override
                    public void history(List<StatsSecond> seconds) {
                        events.add(new History(seconds));
                    }

                    @Override
                    public void seconds(List<StatsSecond> seconds) {
                        events.add(seconds);
                    }

                    @Override
                    public void problem(String message, boolean stopped) {
                        events.add(new Problem(message, stopped));
                    }
                });
    }

    private Object next() throws InterruptedException {
        Object e = events.poll(15, TimeUnit.SECONDS);
        assertThat(e).as("an event from the poller").isNotNull();
        return e;
    }

    @Test
    @SuppressWarnings("unchecked")
    void followsAPurgeAllAndSummarisesItAsTheSandboxCountedIt() throws Exception {
        RealtimePoller poller = poller(DemoAccount.READ_ONLY_TOKEN);
        poller.start();
        List<StatsSecond> series = new ArrayList<>(((History) next()).seconds());
        assertThat(series).hasSize(120);
        ManualScheduler.Wait wait = scheduler.next();
        assertThat(wait.delay()).isEqualTo(RealtimePoller.INTERVAL);

        long purgeSecond = clock.instant().getEpochSecond();
        HttpResponse<String> purge = http.send(HttpRequest.newBuilder(
                URI.create(sandbox.baseUri() + "/service/" + serviceId + "/purge_all"))
                .header("Fastly-Key", DemoAccount.GLOBAL_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(purge.statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(60));
        wait.end();
        series.addAll((List<StatsSecond>) next());
        assertThat(series).hasSize(180);

        ImpactSummary summary = ImpactSummary.of(series, purgeSecond).orElseThrow();
        List<TrafficCount> counts = sandbox.trafficCounts(serviceId).stream()
                .filter(c -> c.recorded() >= purgeSecond - 120 && c.recorded() < purgeSecond + 60).toList();
        long baseRequests = 0;
        long baseHits = 0;
        long baseFetches = 0;
        double lowest = 1;
        long peak = 0;
        for (TrafficCount c : counts) {
            if (c.recorded() < purgeSecond) {
                baseRequests += c.requests();
                baseHits += c.hits();
                baseFetches += c.originFetches();
            } else {
                lowest = Math.min(lowest, (double) c.hits() / c.requests());
                peak = Math.max(peak, c.originFetches());
            }
        }
        assertThat(summary.baselineHitRatio()).isEqualTo((double) baseHits / baseRequests);
        assertThat(summary.lowestHitRatio()).isEqualTo(lowest);
        assertThat(summary.peakFetches()).isEqualTo(peak);
        assertThat(summary.baselineFetches()).isEqualTo(baseFetches / 120.0);
        assertThat(summary.baselineHitRatio()).isGreaterThan(0.9);
        assertThat(summary.lowestHitRatio()).isLessThan(0.6);
        assertThat(summary.recovered()).isTrue();
        assertThat(summary.recoveredAfter()).isBetween(1L, 59L);
        assertThat(summary.peakFactor().orElseThrow()).isGreaterThan(5);
        assertThat(summary.text()).startsWith("hit ratio " + Math.round(summary.baselineHitRatio() * 100) + " % → ");

        long requestsBefore = sandbox.requests().count();
        ManualScheduler.Wait after = scheduler.next();
        poller.close();
        after.end();
        assertThat(sandbox.requests().count()).as("no request after close").isEqualTo(requestsBefore);
        assertThat(scheduler.isIdle()).isTrue();
    }

    @Test
    void aTokenWithoutReadScopeIsToldPlainlyAndPollingStops() throws Exception {
        RealtimePoller poller = poller(DemoAccount.PURGE_SELECT_TOKEN);
        poller.start();
        Problem p = (Problem) next();
        assertThat(p.stopped()).isTrue();
        assertThat(p.message()).contains("global:read").doesNotContain(DemoAccount.PURGE_SELECT_TOKEN);
        assertThat(poller.closed()).isTrue();
        assertThat(scheduler.isIdle()).isTrue();
    }

    @Test
    void aQuietServiceGivesAnEmptyHistoryAndBacksOff() throws Exception {
        sandbox.setTrafficPerSecond(0);
        SandboxServer quiet = SandboxServer.start(SandboxConfig.builder().clock(clock).build());
        try {
            RealtimePoller poller = poller(quiet, DemoAccount.GLOBAL_TOKEN);
            poller.start();
            assertThat(((History) next()).seconds()).isEmpty();
            ManualScheduler.Wait w1 = scheduler.next();
            w1.end();
            ManualScheduler.Wait w2 = scheduler.next();
            assertThat(w2.delay()).isGreaterThan(w1.delay());
            poller.close();
        } finally {
            quiet.close();
        }
    }
}
