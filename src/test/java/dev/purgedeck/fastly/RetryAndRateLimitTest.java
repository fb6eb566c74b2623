package dev.purgedeck.fastly;

import static dev.purgedeck.testsupport.Clients.await;
import static dev.purgedeck.testsupport.Clients.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.FaultSettings;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.Eventually;
import dev.purgedeck.testsupport.ManualScheduler;
import dev.purgedeck.testsupport.SandboxExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
    private final ManualScheduler scheduler = new ManualScheduler();
    /** A client whose rate-limit waits end when the test says so. */
    private FastlyClient waiting;

    @BeforeEach
    void reset() {
        sandbox = SANDBOX.server();
        service = SANDBOX.service();
        client = Clients.client(sandbox.baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY);
        waiting = Clients.client(sandbox.baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY, Clock.systemUTC(),
                scheduler);
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
        FastlyClient impatient = new FastlyClient(Clients.http(java.net.http.HttpClient.newHttpClient()),
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
        assertThat(e.answeredOk()).isTrue();
        assertThat(e.userMessage()).isEqualTo("Fastly answered 200 but the body could not be read; the purge may have "
                + "happened. Purging again is safe.");
    }

    @Test
    void rateLimitIsWaitedOutUntilTheResetThenRetried() throws Throwable {
        sandbox.setFaults(FaultSettings.none().withRateLimitAfter(0, Duration.ofSeconds(1)));
        CompletableFuture<PurgeResponse> f = waiting.purgeAll(service, PurgeOptions.HARD);
        ManualScheduler.Wait wait = scheduler.next();
        // The reset is a whole second of Fastly's clock, at least a second away: the client waits for it ...
        assertThat(wait.delay()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(2));
        // ... and sends nothing while it waits.
        assertThat(f).isNotDone();
        assertThat(sandbox.requests().count()).isEqualTo(1);
        sandbox.clearFaults();
        wait.end();
        PurgeResponse r = await(f);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(sandbox.requests().count()).isEqualTo(2);
    }

    @Test
    void retryAfterIsHonoured() throws Throwable {
        // A clock that stands still makes the wait exactly what Retry-After says.
        FastlyClient fixed = Clients.client(sandbox.baseUri(), DemoAccount.GLOBAL_TOKEN, Clients.FAST_RETRY,
                Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC), scheduler);
        sandbox.setFaults(FaultSettings.none().withRateLimitAfter(0, Duration.ofHours(1)).withRetryAfter(1));
        CompletableFuture<PurgeResponse> f = fixed.purgeAll(service, PurgeOptions.HARD);
        ManualScheduler.Wait wait = scheduler.next();
        assertThat(wait.delay()).isEqualTo(Duration.ofSeconds(1));
        sandbox.clearFaults();
        wait.end();
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
        CompletableFuture<PurgeResponse> f = waiting.purgeAll(service, PurgeOptions.HARD);
        ManualScheduler.Wait wait = scheduler.next();
        assertThat(f.cancel(true)).isTrue();
        assertThatThrownBy(() -> f.get(1, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        sandbox.clearFaults();
        // The reset comes: the cancelled call must not send again.
        wait.end();
        assertThat(scheduler.isIdle()).isTrue();
        assertThat(sandbox.requests().count()).isEqualTo(1);
    }

    @Test
    void cancellingARequestInFlightEndsItAtOnce() throws Exception {
        sandbox.setFaults(FaultSettings.none().withLatency(Duration.ofSeconds(5)));
        CompletableFuture<PurgeResponse> f = client.purgeAll(service, PurgeOptions.HARD);
        // Cancel once the request has reached the sandbox, which holds its answer back for five seconds.
        Eventually.await(() -> sandbox.requests().count() == 1);
        long t0 = System.nanoTime();
        f.cancel(true);
        assertThatThrownBy(() -> f.get(1, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
    }
}
