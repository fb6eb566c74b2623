package dev.purgedeck.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.testsupport.SandboxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fetcher against the sandbox's edge over real HTTP, the way the window and the command line use it: the demo
 * pages of docs/fastly-edge.md §1 read back into reports, one case per kind of page.
 */
class PageFetcherSandboxTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private static final String NEWS = "https://www.dailycourier.example/news";

    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "page-fetch-test");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private PageReport inspect(String url) throws Exception {
        return PageFetcher.viaSandbox(SANDBOX.server().baseUri(), "PurgeDeck/test", FetchLimits.DEFAULT, executor)
                .inspect(url).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aShieldedDemoPageShowsItsKeysPopsAndThenAnEdgeHit() throws Exception {
        PageReport first = inspect(NEWS);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.surrogateKeys()).contains("news", "article/4711");
        assertThat(first.shieldPop()).isPresent();
        assertThat(first.edgePop()).isPresent().isNotEqualTo(first.shieldPop());
        assertThat(first.digest()).isPresent();
        assertThat(first.etag()).isPresent();
        assertThat(first.debugHeaders()).isTrue();
        PageReport second = inspect(NEWS);
        assertThat(second.verdict()).isEqualTo(Verdict.EDGE_HIT);
        assertThat(second.edge()).isEqualTo(CacheState.HIT);
        assertThat(second.ttlSeconds()).isPresent();
        assertThat(second.etag()).isEqualTo(first.etag());
    }

    @Test
    void aPublishedVersionShowsOnlyAfterAPurgeOfOneOfThePagesKeys() throws Exception {
        PageReport before = inspect(NEWS);
        publish(NEWS);
        assertThat(inspect(NEWS).etag()).as("the edge keeps the old copy").isEqualTo(before.etag());
        String service = SANDBOX.server().account().services().stream()
                .filter(s -> s.name().equals("Daily Courier — www")).findFirst().orElseThrow().id();
        HttpResponse<String> purge = api("POST", "/service/" + service + "/purge/news", "");
        assertThat(purge.statusCode()).isEqualTo(200);
        PageReport after = inspect(NEWS);
        assertThat(after.etag()).isNotEqualTo(before.etag());
        assertThat(after.etag().orElseThrow()).contains("-v2");
    }

    @Test
    void theRedirectThePassAndTheServiceThatStripsDebugHeadersAreToldApart() throws Exception {
        PageReport redirect = inspect("https://www.northwind.example/");
        assertThat(redirect.verdict()).isEqualTo(Verdict.REDIRECT);
        assertThat(redirect.redirectTarget()).contains("https://shop.northwind.example/");
        PageReport cart = inspect("https://shop.northwind.example/cart");
        assertThat(cart.verdict()).isEqualTo(Verdict.NOT_CACHED);
        PageReport docs = inspect("https://docs.northwind.example/");
        assertThat(docs.debugHeaders()).isFalse();
        assertThat(docs.surrogateKeys()).isEmpty();
        assertThat(String.join(" ", docs.summary())).contains("hides Fastly's debug headers");
        PageReport shop = inspect("https://shop.northwind.example/products/4711-ceramic-teapot");
        assertThat(shop.shield()).as("Northwind Shop is not shielded").isEqualTo(CacheState.NONE);
        assertThat(shop.surrogateKeys()).contains("product-4711");
        PageReport unknown = inspect("https://news.example.org/");
        assertThat(unknown.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(unknown.summary().get(0)).startsWith("Fastly does not know this host");
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(SANDBOX.server().baseUri() + path))
                .timeout(Duration.ofSeconds(10)).header("Fastly-Key", DemoAccount.GLOBAL_TOKEN)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
    }

    private void publish(String url) throws Exception {
        assertThat(api("POST", "/_sandbox/publish", "{\"url\":\"" + url + "\"}").statusCode()).isEqualTo(200);
    }
}
