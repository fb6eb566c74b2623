package dev.purgedeck.sandbox;

import static dev.purgedeck.sandbox.DemoAccount.GLOBAL_TOKEN;
import static dev.purgedeck.sandbox.DemoAccount.PURGE_SELECT_TOKEN;
import static dev.purgedeck.sandbox.DemoAccount.READ_ONLY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sandbox's real-time API: Fastly's shapes, and figures that follow from the edge cache (issue 17). */
class RealtimeStatsTest {
    private static final String SHOP = DemoObjects.NORTHWIND_SHOP;

    private final EdgeSandbox sbx = EdgeSandbox.start(b -> b.trafficPerSecond(300));

    @AfterEach
    void close() {
        sbx.close();
    }

    private JsonNode rt(String path, String token) {
        HttpResponse<String> r = sbx.api.get("/rt/v1/channel/" + SHOP + "/ts/" + path, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return sbx.api.json(r);
    }

    private static double hitRatio(JsonNode record) {
        JsonNode a = record.get("aggregated");
        return a.get("edge_hit_requests").asDouble() / a.get("edge_requests").asDouble();
    }

    private static long sum(JsonNode data, String field) {
        long n = 0;
        for (JsonNode r : data) {
            n += r.get("aggregated").get(field).asLong();
        }
        return n;
    }

    @Test
    void historyHasTheDocumentedShapeAndABaseline() {
        JsonNode h = rt("h", GLOBAL_TOKEN);
        assertThat(h.get("Timestamp").asLong()).isEqualTo(EdgeSandbox.START.getEpochSecond());
        assertThat(h.get("AggregateDelay").isInt()).isTrue();
        assertThat(h.has("Error")).isFalse();
        JsonNode data = h.get("Data");
        assertThat(data).hasSize(120);
        JsonNode last = data.get(119);
        assertThat(last.get("recorded").asLong()).isEqualTo(EdgeSandbox.START.getEpochSecond() - 1);
        assertThat(last.get("datacenter").get("LCY")).isEqualTo(last.get("aggregated"));
        for (String field : new String[] {"requests", "edge_requests", "edge_hit_requests", "edge_miss_requests",
                "hits", "miss", "pass", "errors", "origin_fetches", "origin_revalidations", "status_2xx",
                "status_5xx", "edge_resp_body_bytes", "origin_fetch_resp_body_bytes"}) {
            assertThat(last.get("aggregated").has(field)).as(field).isTrue();
        }
        assertThat(last.get("aggregated").has("hit_ratio")).isFalse();
        assertThat(sum(data, "edge_requests")).isEqualTo(120 * 300);
        assertThat(hitRatio(last)).isGreaterThan(0.9);
        assertThat(rt("h/limit/5", GLOBAL_TOKEN).get("Data")).hasSize(5);
    }

    @Test
    void purgeAllMakesTheHitRatioFallThenRecover() {
        long next = rt("h", READ_ONLY_TOKEN).get("Timestamp").asLong();
        assertThat(sbx.api.post("/service/" + SHOP + "/purge_all", GLOBAL_TOKEN).statusCode()).isEqualTo(200);
        sbx.clock.advance(Duration.ofSeconds(90));
        JsonNode after = rt(Long.toString(next), GLOBAL_TOKEN).get("Data");
        assertThat(after).hasSize(90);
        double first = hitRatio(after.get(0));
        double last = hitRatio(after.get(89));
        assertThat(first).isLessThan(0.6);
        assertThat(last).isGreaterThan(0.85);
        long firstFetches = after.get(0).get("aggregated").get("origin_fetches").asLong();
        long lastFetches = after.get(89).get("aggregated").get("origin_fetches").asLong();
        assertThat(firstFetches).isGreaterThan(5 * Math.max(1, lastFetches));
        assertThat(sum(after, "origin_revalidations")).as("a hard purge leaves nothing to revalidate").isZero();
    }

    @Test
    void softPurgeShowsRevalidationsInsteadOfFullFetches() {
        long next = rt("h", GLOBAL_TOKEN).get("Timestamp").asLong();
        assertThat(sbx.purgeKey(SHOP, "all", true).statusCode()).isEqualTo(200);
        sbx.clock.advance(Duration.ofSeconds(10));
        JsonNode after = rt(Long.toString(next), GLOBAL_TOKEN).get("Data");
        JsonNode firstSecond = after.get(0).get("aggregated");
        assertThat(firstSecond.get("origin_revalidations").asLong()).isGreaterThan(20);
        // Only the pass-through cart and never-seen URLs still bring whole bodies from the origin.
        assertThat(firstSecond.get("origin_fetches").asLong() - firstSecond.get("origin_revalidations").asLong())
                .isEqualTo(firstSecond.get("pass").asLong() + 300 * Traffic.ONE_OFF_PERCENT / 100);
    }

    @Test
    void noDataIsA200AskingToRetryAndReadNeedsAReadScope() {
        JsonNode future = rt(Long.toString(EdgeSandbox.START.getEpochSecond() + 60), GLOBAL_TOKEN);
        assertThat(future.get("Data")).isEmpty();
        assertThat(future.get("Error").asText()).isEqualTo("No data available, please retry");
        HttpResponse<String> denied = sbx.api.get("/rt/v1/channel/" + SHOP + "/ts/h", PURGE_SELECT_TOKEN);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(sbx.api.get("/rt/v1/channel/" + SHOP + "/ts/h", null).statusCode()).isEqualTo(401);
        HttpResponse<String> quiet = sbx.api.send("PUT", "/_sandbox/traffic", null, Map.of(),
                "{\"requests_per_second\":0}");
        assertThat(quiet.statusCode()).isEqualTo(200);
        sbx.clock.advance(Duration.ofSeconds(3));
        assertThat(rt("0", GLOBAL_TOKEN).get("Data").get(0).get("aggregated").get("requests").asLong()).isZero();
    }
}
