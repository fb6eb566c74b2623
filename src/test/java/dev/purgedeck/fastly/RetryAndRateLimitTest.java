package dev.purgedeck.fastly;

import static dev.purgedeck.testsupport.Clients.await;
import static dev.purgedeck.testsupport.Clients.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.FaultSettings;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.SandboxExtension;
import dev.purgedeck.testsupport.Sandboxes;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retries, 429 waits and cancellation, driven by the sandbox's fault injection. */
class RetryAndRateLimitTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private SandboxServer sandbox;
    private String service;
    private FastlyClient client;

    @BeforeEach
    void reset() {
        sandbox = SANDBOX.server();
        service = SANDBOX.service();
        client = Clients.client(sandbox.baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY);
    }

    @Test
    void serverErrorsAreRetriedThreeTimesThenReportedPlainly() {
        sandbox.setFaults(FaultSettings.none().withErrorRate(1.0, 503));
        FastlyApiException e = (FastlyApiException) failure(client.purgeAll(service, PurgeOptions.HARD));
        assertThat(e.kind()).isEqualTo(FastlyApiException.Kind.SERVER_ERROR);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(sandbox.requests().count()).isEqualTo(3);
        assertThat(e.userMessage()).isEqualTo("Fastly is unavailable right now (HTTP 503). Try again in a moment.");
    }

    @Test
    void otherClientErrorsAreNeverRetried() {
        sandbox.setFaults(FaultSettings.none().withErrorRate(1.0, 400));
        FastlyApiException e = (FastlyApiException) failure(client.purgeAll(service, PurgeOptions.HARD));
        assertThat(e.status()).isEqualTo(400);
        assertThat(sandbox.requests().count()).isEqualTo(1);
    }

    @Test
    void droppedConnectionsAreRetriedThenReportedAsNetworkFailures() {
        sandbox.setFaults(FaultSettings.none().withDropRate(1.0));
        FastlyApiException e = (FastlyApiException) failure(client.purgeAll(service, PurgeOptions.HARD));
        assertThat(e.kind()).isEqualTo(FastlyApiException.Kind.NETWORK);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.userMessage()).startsWith("Could not reach Fastly");
    }

    @Test
    void timeoutsAreRetriedThenReported() {
        sandbox.setFaults(FaultSettings.none().withLatency(Duration.ofSeconds(2)));
        FastlyClient impatient = new FastlyClient(java.net.http.HttpClient.newHttpClient(), Clients.MAPPER,
                client.config().withRequestTimeout(Duration.ofMillis(200)));
        FastlyApiException e = (FastlyApiException) failure(impatient.purgeAll(service, PurgeOptions.HARD));
        assertThat(e.kind()).isEqualTo(FastlyApiException.Kind.TIMEOUT);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.userMessage()).contains("did not answer in time");
    }

    @Test
    void malformedBodiesAreReportedNotRetried() {
        sandbox.setFaults(FaultSettings.none().withMalformedRate(1.0));
        FastlyApiException e = (FastlyApiException) failure(client.purgeUrl("www.example.com/x", PurgeOptions.HARD));
        assertThat(e.kind()).isEqualTo(FastlyApiException.Kind.INVALID_RESPONSE);
        assertThat(sandbox.requests().count()).isEqualTo(1);
    }

    @Test
    void rateLimitIsWaitedOutUntilTheResetThenRetried() throws Throwable {
        sandbox.setFaults(FaultSettings.none().withRateLimitAfter(0, Duration.ofSeconds(1)));
        long t0 = System.nanoTime();
        CompletableFuture<PurgeResponse> f = client.purgeAll(service, PurgeOptions.HARD);
        Thread.sleep(300);
        sandbox.clearFaults();
        PurgeResponse r = await(f);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(500));
        assertThat(sandbox.requests().count()).isEqualTo(2);
    }

    @Test
    void retryAfterIsHonoured() throws Throwable {
        sandbox.setFaults(FaultSettings.none().withRateLimitAfter(0, Duration.ofHours(1)).withRetryAfter(1));
        CompletableFuture<PurgeResponse> f = client.purgeAll(service, PurgeOptions.HARD);
        Thread.sleep(300);
        sandbox.clearFaults();
        assertThat(await(f).attempts()).isEqualTo(2);
    }

    @Test
    void aResetBeyondTheCallersLimitFailsAtOnceSayingWhen() {
        sandbox.setFaults(FaultSettings.none().withRateLimitAfter(0, Duration.ofMinutes(30)));
        FastlyApiException e = (FastlyApiException) failure(client.purgeAll(service, PurgeOptions.HARD));
        assertThat(e.kind()).isEqualTo(FastlyApiException.Kind.RATE_LIMITED);
        assertThat(e.retryAt()).isPresent();
        assertThat(e.userMessage()).contains("You can purge again after");
        assertThat(sandbox.requests().count()).isEqualTo(1);
    }

    @Test
    void cancellingDuringARateLimitWaitStopsAtOnceAndSendsNothingMore() throws Exception {
        sandbox.setFaults(FaultSettings.none().withRateLimitAfter(0, Duration.ofSeconds(3)));
        CompletableFuture<PurgeResponse> f = client.purgeAll(service, PurgeOptions.HARD);
        Thread.sleep(300);
        assertThat(f.cancel(true)).isTrue();
        assertThatThrownBy(() -> f.get(1, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        sandbox.clearFaults();
        Thread.sleep(3_200);
        assertThat(sandbox.requests().count()).isEqualTo(1);
    }

    @Test
    void cancellingARequestInFlightEndsItAtOnce() throws Exception {
        sandbox.setFaults(FaultSettings.none().withLatency(Duration.ofSeconds(5)));
        CompletableFuture<PurgeResponse> f = client.purgeAll(service, PurgeOptions.HARD);
        Thread.sleep(200);
        long t0 = System.nanoTime();
        f.cancel(true);
        assertThatThrownBy(() -> f.get(1, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
    }
}
