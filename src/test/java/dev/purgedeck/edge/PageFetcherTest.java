package dev.purgedeck.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import dev.purgedeck.testsupport.CannedServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fetcher over real HTTP on 127.0.0.1: what it sends, the proxy form it uses for the sandbox, and a clear message
 * within a bounded time for every page that cannot be inspected. No test sleeps; each waits at most a few seconds.
 */
class PageFetcherTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "page-fetch-test");
        t.setDaemon(true);
        return t;
    });
    private final FetchLimits limits = FetchLimits.DEFAULT.withTotalTimeout(Duration.ofSeconds(2));
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        executor.shutdownNow();
    }

    @Test
    void sendsFastlyDebugAndTheUserAgentButNoTokenAndReadsTheHeaders() throws Exception {
        AtomicReference<Headers> seen = new AtomicReference<>();
        try (CannedServer server = CannedServer.handling(ex -> {
            seen.set(ex.getRequestHeaders());
            ex.getResponseHeaders().set("X-Cache", "MISS, HIT");
            ex.getResponseHeaders().set("X-Served-By", "cache-fra1-FRA, cache-wlg2-WLG");
            ex.getResponseHeaders().set("Surrogate-Key", "news article/1");
            ex.getResponseHeaders().set("ETag", "\"v3\"");
            ex.sendResponseHeaders(200, -1);
            ex.close();
        })) {
            PageReport r = direct().inspect(server.baseUri() + "/news?x=1#top").get(10, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.verdict()).isEqualTo(Verdict.EDGE_HIT);
            assertThat(r.surrogateKeys()).containsExactly("news", "article/1");
            assertThat(r.etag()).contains("\"v3\"");
            assertThat(seen.get().getFirst("Fastly-Debug")).isEqualTo("1");
            assertThat(seen.get().getFirst("User-Agent")).isEqualTo("PurgeDeck/test");
            assertThat(seen.get().keySet()).noneMatch(k -> k.equalsIgnoreCase("Fastly-Key")
                    || k.equalsIgnoreCase("Authorization") || k.equalsIgnoreCase("Cookie"));
        }
    }

    @Test
    void redirectsAreReportedNotFollowed() throws Exception {
        try (CannedServer server = CannedServer.answering(301, null, "", Map.of("Location",
                "https://shop.northwind.example/", "X-Cache", "HIT"))) {
            PageReport r = direct().inspect(server.baseUri() + "/").get(10, TimeUnit.SECONDS);
            assertThat(r.verdict()).isEqualTo(Verdict.REDIRECT);
            assertThat(r.redirectTarget()).contains("https://shop.northwind.example/");
        }
    }

    @Test
    void throughTheSandboxAnHttpsPageIsAskedForInProxyFormAsHttpWithoutLookingUpItsHost() throws Exception {
        AtomicReference<String> requestLine = new AtomicReference<>();
        AtomicReference<String> host = new AtomicReference<>();
        try (CannedServer sandbox = CannedServer.handling(ex -> {
            requestLine.set(ex.getRequestMethod() + " " + ex.getRequestURI());
            host.set(ex.getRequestHeaders().getFirst("Host"));
            ex.getResponseHeaders().set("X-Cache", "MISS");
            ex.sendResponseHeaders(200, -1);
            ex.close();
        })) {
            PageFetcher fetcher = PageFetcher.viaSandbox(sandbox.baseUri(), "PurgeDeck/test", limits, executor);
            // A .invalid host: if the fetcher looked it up, this would fail instead of reaching the sandbox.
            PageReport r = fetcher.inspect("https://www.dailycourier.invalid/news?page=2").get(10, TimeUnit.SECONDS);
            assertThat(r.url()).isEqualTo(URI.create("https://www.dailycourier.invalid/news?page=2"));
            assertThat(requestLine.get()).isEqualTo("GET http://www.dailycourier.invalid/news?page=2");
            assertThat(host.get()).isEqualTo("www.dailycourier.invalid");
            assertThat(fetcher.viaSandbox()).isTrue();
        }
    }

    @Test
    void aServerThatHangsGetsATimeoutMessageAndTheCallerIsNeverBlocked() {
        try (CannedServer server = CannedServer.handling(ex -> await())) {
            long start = System.nanoTime();
            CompletableFuture<PageReport> f = direct().inspect(server.baseUri() + "/slow");
            assertThat(f).isNotDone();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(f).failsWithin(BOUND).withThrowableThat().havingCause()
                    .isInstanceOf(PageFetchException.class).withMessageContaining("did not answer within 2 s");
        }
    }

    @Test
    void aBodyThatTricklesForeverIsCutAtTheTotalTimeout() {
        try (CannedServer server = CannedServer.handling(ex -> {
            ex.getResponseHeaders().set("X-Cache", "HIT");
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write(new byte[10]);
            ex.getResponseBody().flush();
            await();
        })) {
            assertThat(direct().inspect(server.baseUri() + "/")).failsWithin(BOUND).withThrowableThat()
                    .havingCause().withMessageContaining("did not answer within 2 s");
        }
    }

    @Test
    void aTenMegabytePageIsNotDownloaded() throws Exception {
        byte[] chunk = new byte[64 * 1024];
        try (CannedServer server = CannedServer.handling(ex -> {
            ex.getResponseHeaders().set("X-Cache", "MISS");
            ex.sendResponseHeaders(200, 10L * 1024 * 1024);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 160; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // The inspector hung up after the first bytes, as it should.
            }
        })) {
            PageReport r = direct().inspect(server.baseUri() + "/big").get(10, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyBytesRead()).isPositive().isLessThanOrEqualTo(limits.maxBodyBytes());
        }
    }

    @Test
    void aHundredKilobyteHeaderLineGetsAPlainMessage() {
        try (CannedServer server = CannedServer.answering(200, "text/html", "hi",
                Map.of("X-Huge", "a".repeat(100 * 1024)))) {
            assertThat(direct().inspect(server.baseUri() + "/")).failsWithin(BOUND).withThrowableThat()
                    .havingCause().isInstanceOf(PageFetchException.class)
                    .withMessage("The server sent a header line of 100 KB (x-huge); PurgeDeck reads header lines of "
                            + "up to 16 KB, so it did not read this page.");
        }
    }

    @Test
    void addressesThatAreNotWebPagesFailAtOnceSayingWhy() {
        Map<String, String> cases = Map.of(
                "ftp://example.com/file", "Only http:// and https:// pages can be inspected",
                "javascript:alert(1)", "Only http:// and https:// pages can be inspected",
                "  ", "Type or paste the address of a page",
                "https://user:secret@example.com/", "user name or password",
                "http:///nohost", "no host name",
                "https://exa mple.com/", "Not a web address",
                "https://example.com/" + "a".repeat(9000), "characters long");
        cases.forEach((url, message) -> assertThat(direct().inspect(url)).as(url).isCompletedExceptionally()
                .failsWithin(Duration.ZERO).withThrowableThat().havingCause()
                .isInstanceOf(PageFetchException.class).withMessageContaining(message)
                .matches(e -> !e.getMessage().contains("secret"), "never echoes a password"));
    }

    @Test
    void aHostThatDoesNotResolveAndAPortWhereNothingListensSaySo() throws Exception {
        assertThat(direct().inspect("http://no-such-page.invalid/")).failsWithin(BOUND).withThrowableThat()
                .havingCause().isInstanceOf(PageFetchException.class)
                .withMessage("The host name no-such-page.invalid could not be found (DNS): check the address for "
                        + "typos.");
        URI closed;
        try (CannedServer server = CannedServer.answering(200, null, "", Map.of())) {
            closed = server.baseUri();
        }
        assertThat(direct().inspect(closed + "/")).failsWithin(BOUND).withThrowableThat().havingCause()
                .withMessageContaining("nothing answers there");
        assertThat(PageFetcher.viaSandbox(closed, "PurgeDeck/test", limits, executor)
                .inspect("https://www.dailycourier.example/")).failsWithin(BOUND).withThrowableThat()
                .havingCause().withMessageContaining("The sandbox does not answer (through the sandbox at "
                        + closed.getAuthority() + ")");
    }

    private PageFetcher direct() {
        return PageFetcher.direct("PurgeDeck/test", limits, executor);
    }

    private void await() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
