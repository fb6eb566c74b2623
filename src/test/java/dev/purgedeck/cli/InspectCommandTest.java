package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.purgedeck.testsupport.CannedServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code purgedeck inspect} over real HTTP: a canned POP on 127.0.0.1 answers with the shielded capture of
 * docs/fastly-edge.md §1.2, either as the page itself (a real profile fetches directly) or as the local endpoint the
 * pages are fetched through (what the sandbox is).
 */
class InspectCommandTest {
    @TempDir
    Path tmp;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private CannedServer pop;
    private CliHarness cli;

    @BeforeEach
    void start() {
        pop = CannedServer.handling(this::answer);
        cli = new CliHarness(tmp, null);
    }

    @AfterEach
    void stop() {
        pop.close();
    }

    private void answer(HttpExchange ex) throws IOException {
        requests.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " debug=" + ex.getRequestHeaders()
                .getFirst("Fastly-Debug") + " key=" + ex.getRequestHeaders().getFirst("Fastly-Key"));
        ex.getResponseHeaders().set("X-Cache", "MISS, HIT");
        ex.getResponseHeaders().set("X-Served-By", "cache-fra19179-FRA, cache-wlg10427-WLG");
        ex.getResponseHeaders().set("Fastly-Debug-TTL", "(H cache-wlg10427-WLG 120.000 0.000 3) "
                + "(M cache-fra19179-FRA - - 0)");
        ex.getResponseHeaders().set("Surrogate-Key", "news article/1");
        ex.getResponseHeaders().set("ETag", "\"v3\"");
        ex.sendResponseHeaders(200, -1);
        ex.close();
    }

    @Test
    void throughALocalEndpointEachPageIsSummedUpInPlainWordsWithItsFacts() {
        cli.env.put("FASTLY_API_ENDPOINT", pop.baseUri().toString());
        cli.env.put("FASTLY_API_TOKEN", "local-token-never-sent-to-pages-000000");
        CliHarness.Result r = cli.run("inspect", "https://www.dailycourier.example/news");
        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.OK);
        assertThat(r.out()).contains("https://www.dailycourier.example/news",
                "  Served from Fastly's cache at the edge (WLG).", "The copy is 3 s old.",
                "It has 2 min left before it expires.");
        assertThat(r.out()).containsPattern("edge +HIT at WLG").containsPattern("shield +MISS at FRA")
                .containsPattern("surrogate keys +news article/1").containsPattern("etag +\"v3\"");
        assertThat(requests).containsExactly("GET http://www.dailycourier.example/news debug=1 key=null");
    }

    @Test
    void jsonHasTheDocumentedShapeAndAPageThatCannotBeReadMakesTheExitCodeOne() throws Exception {
        cli.env.put("FASTLY_API_TOKEN", "real-token-never-sent-to-pages-0000000");
        CliHarness.Result r = cli.run("inspect", "--json", pop.baseUri() + "/news", "ftp://example.com/x");
        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).contains("ftp://example.com/x: Only http:// and https:// pages can be inspected");
        JsonNode pages = new ObjectMapper().readTree(r.out()).get("pages");
        assertThat(pages).hasSize(2);
        JsonNode page = pages.get(0);
        assertThat(page.get("ok").asBoolean()).isTrue();
        assertThat(page.get("url").asText()).isEqualTo(pop.baseUri() + "/news");
        assertThat(page.get("status").asInt()).isEqualTo(200);
        assertThat(page.get("verdict").asText()).isEqualTo("edge_hit");
        assertThat(page.get("edge").get("cache").asText()).isEqualTo("HIT");
        assertThat(page.get("edge").get("pop").asText()).isEqualTo("WLG");
        assertThat(page.get("shield").get("pop").asText()).isEqualTo("FRA");
        assertThat(page.get("age_seconds").asLong()).isEqualTo(3);
        assertThat(page.get("ttl_seconds").asDouble()).isEqualTo(120.0);
        assertThat(page.get("stale").asBoolean()).isFalse();
        assertThat(page.get("surrogate_keys")).extracting(JsonNode::asText).containsExactly("news", "article/1");
        assertThat(page.get("redirect_target").isNull()).isTrue();
        assertThat(page.get("summary").get(0).asText()).startsWith("Served from Fastly's cache");
        assertThat(page.get("headers").has("x-cache")).isTrue();
        assertThat(pages.get(1).get("ok").asBoolean()).isFalse();
        assertThat(pages.get(1).get("error").asText()).startsWith("Only http:// and https://");
        // A real profile fetches the page itself, with no token.
        assertThat(requests).containsExactly("GET /news debug=1 key=null");
    }

    @Test
    void withoutAUrlItIsAUsageError() {
        CliHarness.Result r = cli.run("inspect");
        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("Missing required parameter: 'URL'");
    }
}
