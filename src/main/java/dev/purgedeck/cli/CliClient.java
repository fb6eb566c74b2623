package dev.purgedeck.cli;

import dev.purgedeck.context.Version;
import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.ClientConfig;
import dev.purgedeck.fastly.FastlyClient;
import dev.purgedeck.fastly.LeanHttpClient;
import dev.purgedeck.fastly.RetryPolicy;
import dev.purgedeck.settings.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The Fastly client of one command run, on daemon threads that are stopped when the command ends. */
final class CliClient implements AutoCloseable {
    private final ExecutorService executor;
    private final FastlyClient client;
    private final FastlyClient quick;
    private final LeanHttpClient http;

    private CliClient(ExecutorService executor, FastlyClient client, FastlyClient quick, LeanHttpClient http) {
        this.executor = executor;
        this.client = client;
        this.quick = quick;
        this.http = http;
    }

    static CliClient open(Connection c) {
        return open(c, null, null);
    }

    /** A client with this per-request timeout and retry policy (null: the client's defaults). */
    static CliClient open(Connection c, Duration timeout, RetryPolicy retry) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "purgedeck-cli-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // The purges' own HTTP/1.1 on blocking sockets: the JDK client cost more CPU per request than everything
        // else a purge does (docs/performance.md §7); it still sends what the lean one does not handle.
        LeanHttpClient http = LeanHttpClient.direct(Duration.ofSeconds(10), executor);
        ClientConfig config = new ClientConfig(c.endpoint(), c.token(), Version.userAgent(), timeout, retry);
        FastlyClient client = new FastlyClient(http, http, config, Clock.systemUTC());
        // Looking up a service's name only for the record must not hold a purge up: one try, a short wait.
        FastlyClient quick = new FastlyClient(http, http,
                config.withRetry(RetryPolicy.NONE).withRequestTimeout(Duration.ofSeconds(10)), Clock.systemUTC());
        return new CliClient(executor, client, quick, http);
    }

    /** The client with the window's retry policy (server errors retried, 429 waited out). */
    FastlyClient client() {
        return client;
    }

    /** One try, ten seconds at most: for lookups whose failure only costs a service name. */
    FastlyClient quick() {
        return quick;
    }

    /** The command's own threads, e.g. for fetching pages to verify. */
    ExecutorService executor() {
        return executor;
    }

    BulkPurgeRunner runner() {
        return new BulkPurgeRunner(client, executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        http.closeIdleConnections();
    }
}
