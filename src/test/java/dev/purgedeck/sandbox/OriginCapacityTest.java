package dev.purgedeck.sandbox;

import static dev.purgedeck.sandbox.DemoAccount.GLOBAL_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An origin that struggles: above the capacity set through {@code /_sandbox/traffic} its fetches fail and the edge
 * answers 503, which the real-time API counts as {@code status_5xx} and {@code errors} (issue 17).
 */
class OriginCapacityTest {
    private static final String SHOP = DemoObjects.NORTHWIND_SHOP;
    private static final int CAPACITY = 25;

    private final EdgeSandbox sbx = EdgeSandbox.start(b -> b.trafficPerSecond(300));

    @AfterEach
    void close() {
        sbx.close();
    }

    private JsonNode rt(String path) {
        HttpResponse<String> r = sbx.api.get("/rt/v1/channel/" + SHOP + "/ts/" + path, GLOBAL_TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return sbx.api.json(r);
    }

    private HttpResponse<String> traffic(String body) {
        return sbx.api.send("PUT", "/_sandbox/traffic", null, Map.of(), body);
    }

    private static long field(JsonNode record, String name) {
        return record.get("aggregated").get(name).asLong();
    }

    @Test
    void aPurgeAllAboveTheOriginsCapacityShows5xxUntilTheCacheRefills() {
        HttpResponse<String> set = traffic("{\"origin_capacity\":" + CAPACITY + "}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(sbx.api.json(set).get("origin_capacity").asInt()).isEqualTo(CAPACITY);
        assertThat(sbx.api.json(set).get("requests_per_second").asInt()).as("the rate is kept").isEqualTo(300);

        long next = rt("h").get("Timestamp").asLong();
        sbx.clock.advance(Duration.ofSeconds(5));
        JsonNode calm = rt(Long.toString(next)).get("Data");
        for (JsonNode s : calm) {
            assertThat(field(s, "status_5xx")).as("a cached site stays within the origin's capacity").isZero();
        }
        next = calm.get(calm.size() - 1).get("recorded").asLong() + 1;

        assertThat(sbx.api.post("/service/" + SHOP + "/purge_all", GLOBAL_TOKEN).statusCode()).isEqualTo(200);
        // Two steps: each answer simulates the seconds since the last, and a busy machine is slow at 120 at once.
        sbx.clock.advance(Duration.ofSeconds(60));
        JsonNode early = rt(Long.toString(next)).get("Data");
        sbx.clock.advance(Duration.ofSeconds(60));
        List<JsonNode> after = new ArrayList<>();
        early.forEach(after::add);
        rt(Long.toString(next + early.size())).get("Data").forEach(after::add);
        JsonNode first = after.get(0);
        assertThat(after).hasSize(120);
        assertThat(field(first, "status_5xx")).isGreaterThan(100);
        assertThat(field(first, "errors")).isEqualTo(field(first, "status_5xx"));
        assertThat(field(first, "status_2xx") + field(first, "status_5xx")).isEqualTo(field(first, "requests"));
        long maxFetches = 0;
        for (JsonNode s : after) {
            maxFetches = Math.max(maxFetches, field(s, "origin_fetches"));
        }
        assertThat(maxFetches).as("the origin never takes more than its capacity").isLessThanOrEqualTo(CAPACITY);
        // Each fetch it can take fills the cache a little, so the errors fade.
        assertThat(field(after.get(after.size() - 1), "status_5xx")).isLessThan(field(first, "status_5xx") / 4);
    }

    @Test
    void withoutALimitThePurgeAllBringsNo5xxAndBadCapacitiesAreRefused() {
        long next = rt("h").get("Timestamp").asLong();
        assertThat(sbx.api.post("/service/" + SHOP + "/purge_all", GLOBAL_TOKEN).statusCode()).isEqualTo(200);
        sbx.clock.advance(Duration.ofSeconds(3));
        JsonNode after = rt(Long.toString(next)).get("Data");
        assertThat(field(after.get(0), "origin_fetches")).isGreaterThan(CAPACITY);
        assertThat(field(after.get(0), "status_5xx")).isZero();

        for (String bad : new String[] {"{\"origin_capacity\":-1}", "{\"origin_capacity\":\"lots\"}", "{}"}) {
            HttpResponse<String> r = traffic(bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.body()).contains(bad.equals("{}") ? "origin_capacity" : "fetches per second");
        }
        assertThat(sbx.api.json(sbx.api.get("/_sandbox/traffic", null)).get("origin_capacity").asInt()).isZero();
    }
}
