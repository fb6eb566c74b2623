package dev.purgedeck.sandbox;

import static dev.purgedeck.sandbox.DemoAccount.GLOBAL_TOKEN;
import static dev.purgedeck.sandbox.SandboxClient.SVC1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
    private SandboxClient sbx = SandboxClient.start();

    @AfterEach
    void stop() {
        sbx.close();
    }

    @Test
    void configuredAndFaultLatencyAddUp() {
        sbx.close();
        sbx = SandboxClient.start(SandboxConfig.builder().latency(Duration.ofMillis(80)).build());
        sbx.server.setFaults(FaultSettings.none().withLatency(Duration.ofMillis(70)));

        long start = System.nanoTime();
        assertThat(sbx.get("/service", GLOBAL_TOKEN).statusCode()).isEqualTo(200);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMs).isGreaterThanOrEqualTo(150).isLessThan(1500);
        long adminStart = System.nanoTime();
        sbx.get("/_sandbox/faults", null);
        assertThat((System.nanoTime() - adminStart) / 1_000_000).isLessThan(80);
    }

    @Test
    void latencyDoesNotThrottleConcurrentRequests() {
        sbx.close();
        sbx = SandboxClient.start(SandboxConfig.builder().latency(Duration.ofMillis(300)).build());
        List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();

        long start = System.nanoTime();
        for (int i = 0; i < 64; i++) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(sbx.server.baseUri() + "/service/" + SVC1
                    + "/purge/homepage")).header("Fastly-Key", GLOBAL_TOKEN)
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            calls.add(sbx.http.sendAsync(req, HttpResponse.BodyHandlers.discarding()));
        }
        calls.forEach(c -> assertThat(c.join().statusCode()).isEqualTo(200));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        // Serialised on even 8 threads this would take 2.4 s.
        assertThat(elapsedMs).isLessThan(1500);
    }

    @Test
    void errorRateOneAnswersTheStatusAndZeroNever() {
        sbx.server.setFaults(FaultSettings.none().withErrorRate(1.0, 503).withRetryAfter(5));

        HttpResponse<String> r = sbx.post("/service/" + SVC1 + "/purge/homepage", GLOBAL_TOKEN);

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(sbx.json(r).get("msg").asText()).isEqualTo("Service Unavailable");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(sbx.object(SVC1, "https://www.dailycourier.example/").state()).isEqualTo(ObjectState.FRESH);
        assertThat(sbx.get("/_sandbox/faults", null).statusCode()).isEqualTo(200);

        sbx.server.setFaults(FaultSettings.none().withErrorRate(0.0, 500));
        for (int i = 0; i < 20; i++) {
            assertThat(sbx.get("/service", GLOBAL_TOKEN).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void partialRatesAreDeterministicForASeed() {
        FaultSettings half = FaultSettings.none().withErrorRate(0.5, 502);
        SandboxConfig cfg = SandboxConfig.builder().faults(half).randomSeed(42).build();
        List<Integer> first = statuses(cfg);
        List<Integer> second = statuses(cfg);

        assertThat(first).isEqualTo(second).contains(200, 502);
    }

    @Test
    void rateLimitAfterNThenResets() {
        sbx.server.setFaults(FaultSettings.none().withRateLimitAfter(2, Duration.ofMillis(300)));

        assertThat(sbx.get("/service", GLOBAL_TOKEN).statusCode()).isEqualTo(200);
        assertThat(sbx.post("/service/" + SVC1 + "/purge/homepage", GLOBAL_TOKEN).statusCode()).isEqualTo(200);
        long now = Instant.now().getEpochSecond();
        long sent = System.nanoTime();
        HttpResponse<String> limited = sbx.get("/service", GLOBAL_TOKEN);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(sbx.json(limited).get("msg").asText()).startsWith("You have exceeded your hourly rate limit.");
        assertThat(limited.headers().firstValue("Fastly-RateLimit-Remaining")).hasValue("0");
        long reset = Long.parseLong(limited.headers().firstValue("Fastly-RateLimit-Reset").orElseThrow());
        assertThat(reset).isBetween(now, now + 2);
        assertThat(limited.headers().firstValue("Retry-After")).isEmpty();

        // Asking while limited changes nothing; the limit lifts once its 300 ms are over, not before.
        dev.purgedeck.testsupport.Eventually.await(() -> sbx.get("/service", GLOBAL_TOKEN).statusCode() == 200);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void rateLimitCanCarryRetryAfter() {
        sbx.server.setFaults(FaultSettings.none().withRateLimitAfter(0, Duration.ofSeconds(30)).withRetryAfter(30));

        HttpResponse<String> r = sbx.get("/service", GLOBAL_TOKEN);

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("30");
    }

    @Test
    void droppedConnectionGivesTheClientAnIOException() {
        sbx.server.setFaults(FaultSettings.none().withDropRate(1.0));

        assertThatThrownBy(() -> sbx.sendOrThrow("POST", "/service/" + SVC1 + "/purge/homepage", GLOBAL_TOKEN,
                Map.of(), "")).isInstanceOf(IOException.class);
        sbx.server.clearFaults();
        assertThat(sbx.post("/service/" + SVC1 + "/purge/homepage", GLOBAL_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedBodyIsNotJson() {
        sbx.server.setFaults(FaultSettings.none().withMalformedRate(1.0));

        HttpResponse<String> r = sbx.post("/service/" + SVC1 + "/purge/homepage", GLOBAL_TOKEN);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> new ObjectMapper().readTree(r.body())).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void initialFaultsComeFromTheConfig() {
        sbx.close();
        FaultSettings faults = FaultSettings.none().withErrorRate(1.0, 500);
        sbx = SandboxClient.start(SandboxConfig.builder().faults(faults).build());

        assertThat(sbx.server.faults()).isEqualTo(faults);
        assertThat(sbx.get("/service", GLOBAL_TOKEN).statusCode()).isEqualTo(500);
        sbx.server.clearFaults();
        assertThat(sbx.server.faults()).isEqualTo(FaultSettings.none());
    }

    private static List<Integer> statuses(SandboxConfig cfg) {
        try (SandboxClient c = SandboxClient.start(cfg)) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                out.add(c.get("/service", GLOBAL_TOKEN).statusCode());
            }
            return out;
        }
    }
}
