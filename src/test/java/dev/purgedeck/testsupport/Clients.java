package dev.purgedeck.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.fastly.ApiToken;
import dev.purgedeck.fastly.ClientConfig;
import dev.purgedeck.fastly.FastlyClient;
import dev.purgedeck.fastly.LeanHttpClient;
import dev.purgedeck.fastly.RetryPolicy;
import dev.purgedeck.fastly.RetryScheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Builds clients for tests and waits on their futures with a bound, unwrapping the cause. */
public final class Clients {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** Fast retries so fault tests stay quick; same attempt count and rate-limit rules as the default. */
    public static final RetryPolicy FAST_RETRY =
            new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5), 3);

    private static final ExecutorService LEAN_THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-lean-http");
        t.setDaemon(true);
        return t;
    });

    private Clients() {
    }

    public static FastlyClient client(URI endpoint, String token, RetryPolicy retry) {
        return client(endpoint, token, retry, Clock.systemUTC(), RetryScheduler.REAL);
    }

    /** A client whose retries and rate-limit waits end when {@code scheduler} says, reading time from {@code clock}. */
    public static FastlyClient client(URI endpoint, String token, RetryPolicy retry, Clock clock,
                                      RetryScheduler scheduler) {
        HttpClient http = http(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        ClientConfig cfg = ClientConfig.of(endpoint, token == null ? null : ApiToken.of(token), "PurgeDeck/test")
                .withRetry(retry).withRequestTimeout(Duration.ofSeconds(10));
        return new FastlyClient(http, http, cfg, clock, scheduler);
    }

    /**
     * The command line's lean client around {@code jdk} (the JDK client itself with
     * {@code -Dpurgedeck.test.jdkHttp=true}): the client tests hold for both.
     */
    public static HttpClient http(HttpClient jdk) {
        return Boolean.getBoolean("purgedeck.test.jdkHttp") ? jdk : new LeanHttpClient(jdk, LEAN_THREADS);
    }

    /** The value, or the exception that failed it (unwrapped). Fails the test after 30 s. */
    public static <T> T await(CompletableFuture<T> f) throws Throwable {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("operation did not finish within 30 s", e);
        }
    }

    /** The exception that failed {@code f}, unwrapped; fails if it succeeded. */
    public static Throwable failure(CompletableFuture<?> f) {
        try {
            Object v = f.get(30, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure but got " + v);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("operation did not fail within 30 s", e);
        }
    }
}
