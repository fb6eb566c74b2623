package dev.purgedeck.sandbox;

import static dev.purgedeck.sandbox.DemoAccount.GLOBAL_TOKEN;
import static dev.purgedeck.sandbox.EdgeHeaders.age;
import static dev.purgedeck.sandbox.EdgeHeaders.list;
import static dev.purgedeck.sandbox.EdgeHeaders.path;
import static dev.purgedeck.sandbox.EdgeHeaders.timer;
import static dev.purgedeck.sandbox.EdgeHeaders.ttl;
import static dev.purgedeck.sandbox.EdgeHeaders.version;
import static dev.purgedeck.sandbox.SandboxClient.SHOP;
import static dev.purgedeck.sandbox.SandboxClient.SVC1;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox edge serves demo pages as a Fastly POP would (docs/fastly-edge.md §1, §9), over real HTTP. */
class EdgeServingTest {
    static final String EDGE = "cache-lcy1128-LCY";
    static final String SHIELD = "cache-fra19179-FRA";
    static final String TEAPOT = "http://shop.northwind.example/products/4711-ceramic-teapot";
    static final String NEWS = "http://www.dailycourier.example/news";

    @Test
    void aCachedPageCarriesFastlysHeadersThatParseBackToWhatWasSet() {
        try (EdgeSandbox sbx = EdgeSandbox.start()) {
            sbx.clock.advance(Duration.ofSeconds(10));
            HttpResponse<String> r = sbx.debug(TEAPOT);

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(list(r, "X-Cache")).containsExactly("HIT");
            assertThat(list(r, "X-Cache-Hits")).containsExactly("1");
            assertThat(list(r, "X-Served-By")).containsExactly(EDGE);
            assertThat(r.headers().firstValue("Via")).hasValue("1.1 varnish");
            assertThat(age(r)).isEqualTo(10);
            EdgeHeaders.TtlGroup t = ttl(r).get(0);
            assertThat(ttl(r)).hasSize(1);
            assertThat(t.hit()).isTrue();
            assertThat(t.node()).isEqualTo(EDGE);
            assertThat(t.remaining()).isEqualTo(3590.0);
            assertThat(t.staleIfError()).isEqualTo(3600.0);
            assertThat(t.age()).isEqualTo("10");
            long now = EdgeSandbox.START.getEpochSecond() + 10;
            assertThat(path(r)).containsExactly(new EdgeHeaders.PathGroup('D', EDGE, now),
                    new EdgeHeaders.PathGroup('F', "cache-lcy1130-LCY", EdgeSandbox.START.getEpochSecond()));
            assertThat(timer(r)).isEqualTo(new EdgeHeaders.Timer(now, 250_000, 0));
            assertThat(r.headers().firstValue("Surrogate-Key").orElseThrow().split(" "))
                    .containsExactly("product-4711", "category-kitchen", "all");
            assertThat(directives(r.headers().firstValue("Surrogate-Control").orElseThrow()))
                    .containsExactly(Map.entry("max-age", "3600"), Map.entry("stale-while-revalidate", "30"),
                            Map.entry("stale-if-error", "3600"));
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
            assertThat(r.headers().firstValue("ETag").orElseThrow()).matches("\"[0-9a-f]{16}-v1\"");
            assertThat(ZonedDateTime.parse(r.headers().firstValue("Last-Modified").orElseThrow(),
                    DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()).isEqualTo(Instant.parse("2025-06-02T08:00:00Z"));
            assertThat(r.headers().firstValue("Fastly-Debug-Digest").orElseThrow()).matches("[0-9a-f]{64}");
            assertThat(version(r)).isEqualTo(1);
            assertThat(list(sbx.debug(TEAPOT), "X-Cache-Hits")).containsExactly("2");
        }
    }

    @Test
    void withoutFastlyDebugOnlyTheAlwaysOnHeadersCome() {
        try (EdgeSandbox sbx = EdgeSandbox.start()) {
            HttpResponse<String> r = sbx.plain(TEAPOT);

            assertThat(list(r, "X-Cache")).containsExactly("HIT");
            assertThat(r.headers().firstValue("X-Timer")).isPresent();
            assertThat(r.headers().firstValue("Age")).isPresent();
            assertThat(r.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("Surrogate-Key")
                    || h.equalsIgnoreCase("Surrogate-Control") || h.toLowerCase().startsWith("fastly-debug"));
        }
    }

    @Test
    void aShieldedPageListsShieldFirstInAppendedHeadersAndEdgeFirstInDebugGroups() {
        try (EdgeSandbox sbx = EdgeSandbox.start()) {
            sbx.clock.advance(Duration.ofSeconds(3));
            HttpResponse<String> r = sbx.debug(NEWS);

            assertThat(list(r, "X-Served-By")).containsExactly(SHIELD, EDGE);
            assertThat(list(r, "X-Cache")).containsExactly("MISS", "HIT");
            assertThat(list(r, "X-Cache-Hits")).containsExactly("0", "1");
            assertThat(r.headers().firstValue("Via")).hasValue("1.1 varnish, 1.1 varnish");
            assertThat(path(r)).extracting(p -> p.kind() + " " + p.node()).containsExactly("D " + EDGE,
                    "F cache-lcy1130-LCY", "D " + SHIELD, "F cache-fra19122-FRA");
            List<EdgeHeaders.TtlGroup> groups = ttl(r);
            assertThat(groups).extracting(EdgeHeaders.TtlGroup::node).containsExactly(EDGE, SHIELD);
            assertThat(groups.get(0).hit()).isTrue();
            assertThat(groups.get(0).remaining()).isEqualTo(297.0);
            assertThat(groups.get(1)).isEqualTo(new EdgeHeaders.TtlGroup(false, SHIELD, null, null, "0"));
            assertThat(r.headers().firstValue("Surrogate-Key").orElseThrow().split(" "))
                    .contains("news", "article/4711");
        }
    }

    @Test
    void aPublishedVersionIsServedOnlyAfterAPurge() {
        try (EdgeSandbox sbx = EdgeSandbox.start()) {
            assertThat(sbx.publish("https://www.dailycourier.example/news")).isEqualTo(2);
            sbx.clock.advance(Duration.ofSeconds(100));
            assertThat(version(sbx.debug(NEWS))).isEqualTo(1);

            assertThat(sbx.purgeKey(SVC1, "news", false).statusCode()).isEqualTo(200);
            HttpResponse<String> after = sbx.debug(NEWS);
            HttpResponse<String> again = sbx.debug(NEWS);

            assertThat(version(after)).isEqualTo(2);
            assertThat(list(after, "X-Cache")).containsExactly("MISS", "MISS");
            assertThat(age(after)).isZero();
            assertThat(ttl(after).get(0).hit()).isFalse();
            assertThat(timer(after).elapsedMs()).isPositive();
            assertThat(version(again)).isEqualTo(2);
            assertThat(list(again, "X-Cache")).containsExactly("MISS", "HIT");
            assertThat(sbx.api.object(SVC1, "https://www.dailycourier.example/news"))
                    .extracting(CachedObject::state, CachedObject::version).containsExactly(ObjectState.FRESH, 2);
        }
    }

    @Test
    void aPublishedVersionIsServedOnceTheCachedCopyExpires() {
        try (EdgeSandbox sbx = EdgeSandbox.start()) {
            String kitchen = "http://shop.northwind.example/category/kitchen";
            sbx.publish("https://shop.northwind.example/category/kitchen");
            sbx.clock.advance(Duration.ofSeconds(3599));
            assertThat(version(sbx.debug(kitchen))).isEqualTo(1);

            sbx.clock.advance(Duration.ofSeconds(2));
            HttpResponse<String> expired = sbx.debug(kitchen);

            assertThat(version(expired)).isEqualTo(2);
            assertThat(list(expired, "X-Cache")).containsExactly("MISS");
        }
    }

    @Test
    void aSoftPurgeServesStaleOnceWhileRevalidatingThenFresh() {
        try (EdgeSandbox sbx = EdgeSandbox.start()) {
            String home = "http://www.dailycourier.example/";
            sbx.publish("https://www.dailycourier.example/");
            assertThat(sbx.purgeKey(SVC1, "homepage", true).statusCode()).isEqualTo(200);
            sbx.clock.advance(Duration.ofSeconds(5));

            HttpResponse<String> stale = sbx.debug(home);
            HttpResponse<String> fresh = sbx.debug(home);

            assertThat(version(stale)).isEqualTo(1);
            assertThat(list(stale, "X-Cache")).last().isEqualTo("HIT");
            assertThat(ttl(stale).get(0).remaining()).isEqualTo(-5.0);
            assertThat(age(stale)).isEqualTo(5);
            assertThat(version(fresh)).isEqualTo(2);
            assertThat(list(fresh, "X-Cache")).containsExactly("MISS", "HIT");
            assertThat(ttl(fresh).get(0).remaining()).isEqualTo(300.0);
            assertThat(age(fresh)).isZero();
        }
    }

    @Test
    void aSoftPurgeWithoutStaleWhileRevalidateFetchesAtOnce() {
        try (EdgeSandbox sbx = EdgeSandbox.start()) {
            String article = "http://www.dailycourier.example/news/2025/city-council-approves-budget";
            sbx.publish(article.replace("http:", "https:"));
            sbx.purgeKey(SVC1, "article/4711", true);

            HttpResponse<String> r = sbx.debug(article);

            assertThat(version(r)).isEqualTo(2);
            assertThat(list(r, "X-Cache")).last().isEqualTo("MISS");
        }
    }

    @Test
    void aPrivatePageIsPassedAndMissesEveryTime() {
        try (EdgeSandbox sbx = EdgeSandbox.start()) {
            HttpResponse<String> first = sbx.debug("http://shop.northwind.example/cart");
            HttpResponse<String> second = sbx.debug("http://shop.northwind.example/cart");

            for (HttpResponse<String> r : List.of(first, second)) {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(list(r, "X-Cache")).containsExactly("MISS");
                assertThat(list(r, "X-Cache-Hits")).containsExactly("0");
                assertThat(r.headers().firstValue("Cache-Control")).hasValue("private, no-store");
            }
        }
    }

    @Test
    void theBareNorthwindHostRedirectsLikeASyntheticFastlyAnswer() {
        try (EdgeSandbox sbx = EdgeSandbox.start()) {
            HttpResponse<String> r = sbx.debug("http://www.northwind.example/");

            assertThat(r.statusCode()).isEqualTo(301);
            assertThat(r.headers().firstValue("Location")).hasValue("https://shop.northwind.example/");
            assertThat(list(r, "X-Cache")).containsExactly("HIT");
            assertThat(list(r, "X-Cache-Hits")).containsExactly("0");
            assertThat(ttl(r)).containsExactly(new EdgeHeaders.TtlGroup(false, EDGE, null, null, "-"));
            assertThat(r.body()).isEmpty();
        }
    }

    @Test
    void northwindDocsStripsTheDebugHeaders() {
        try (EdgeSandbox sbx = EdgeSandbox.start()) {
            HttpResponse<String> r = sbx.debug("http://docs.northwind.example/changelog");

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(list(r, "X-Cache")).containsExactly("HIT");
            assertThat(r.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("Surrogate-Key")
                    || h.toLowerCase().startsWith("fastly-debug"));
        }
    }

    @Test
    void unknownPathIsTheOriginsNotFoundAndUnknownHostIsFastlysUnknownDomain() {
        try (EdgeSandbox sbx = EdgeSandbox.start()) {
            HttpResponse<String> missing = sbx.debug("http://shop.northwind.example/no-such-page");
            HttpResponse<String> unknown = sbx.debug("http://news.example.invalid/today");

            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(list(missing, "X-Cache")).containsExactly("MISS");
            assertThat(unknown.statusCode()).isEqualTo(500);
            assertThat(unknown.body()).startsWith("Fastly error: unknown domain: news.example.invalid.");
        }
    }

    @Test
    void pageRequestsAreNeitherLoggedNorFaultedAsApiCalls() {
        try (EdgeSandbox sbx = EdgeSandbox.start()) {
            sbx.api.server.setFaults(new FaultSettings(null, null, 1.0, 503, null, null, null, 0, 0));
            sbx.api.server.requests().clear();

            HttpResponse<String> page = sbx.debug(NEWS);

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(sbx.api.server.requests().count()).isZero();
            assertThat(sbx.api.server.edgeRequests().all()).singleElement().satisfies(req -> {
                assertThat(req.method()).isEqualTo("GET");
                assertThat(req.rawPathAndQuery()).isEqualTo(NEWS);
                assertThat(req.headers()).containsEntry("fastly-debug", "1");
            });
            assertThat(sbx.api.json(sbx.api.get("/_sandbox/edge/requests", null)).get("count").asInt()).isEqualTo(1);
            assertThat(sbx.api.get("/service", GLOBAL_TOKEN).statusCode()).isEqualTo(503);
        }
    }

    @Test
    void headGivesTheHeadersOfGetWithoutTheBody() {
        try (EdgeSandbox sbx = EdgeSandbox.start()) {
            int length = sbx.plain(TEAPOT).body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;

            HttpResponse<String> head = sbx.page("HEAD", TEAPOT, Map.of());

            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(length);
            assertThat(list(head, "X-Cache-Hits")).containsExactly("2");
            assertThat(sbx.api.objects(SHOP)).isNotEmpty();
        }
    }

    private static Map<String, String> directives(String header) {
        Map<String, String> m = new LinkedHashMap<>();
        Arrays.stream(header.split(", ")).forEach(d -> {
            String[] kv = d.split("=", 2);
            m.put(kv[0], kv.length > 1 ? kv[1] : "");
        });
        return m;
    }
}
