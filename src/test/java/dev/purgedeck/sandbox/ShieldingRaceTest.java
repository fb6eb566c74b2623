package dev.purgedeck.sandbox;

import static dev.purgedeck.sandbox.EdgeHeaders.list;
import static dev.purgedeck.sandbox.EdgeHeaders.version;
import static dev.purgedeck.sandbox.EdgeServingTest.EDGE;
import static dev.purgedeck.sandbox.EdgeServingTest.NEWS;
import static dev.purgedeck.sandbox.EdgeServingTest.SHIELD;
import static dev.purgedeck.sandbox.SandboxClient.SVC1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shielding race of docs/fastly-edge.md §2, replayed with a fixed seed: seed 3 with at most 2 s of delay
 * purges the edge after 227 ms and the shield after 1401 ms; seed 7 purges the shield first (33 ms, edge 780 ms).
 */
class ShieldingRaceTest {
    private static final String NEWS_HTTPS = "https://www.dailycourier.example/news";

    @Test
    void anEdgePurgedBeforeItsShieldCachesTheOldCopyAgainUntilASecondPurge() {
        try (EdgeSandbox sbx = EdgeSandbox.start()) {
            HttpResponse<String> set = sbx.api.send("PUT", "/_sandbox/edge", null, Map.of(),
                    "{\"seed\":3,\"max_propagation_delay_ms\":2000}");
            assertThat(set.statusCode()).isEqualTo(200);
            assertThat(sbx.api.json(set).get("seed").asLong()).isEqualTo(3);
            sbx.publish(NEWS_HTTPS);
            Instant purgedAt = sbx.clock.instant();
            assertThat(sbx.purgeKey(SVC1, "news", false).statusCode()).isEqualTo(200);

            assertThat(pending(sbx)).containsExactly(EDGE + " " + purgedAt.plusMillis(227),
                    SHIELD + " " + purgedAt.plusMillis(1401));
            sbx.clock.advance(Duration.ofMillis(500));
            HttpResponse<String> between = sbx.debug(NEWS);
            sbx.clock.advance(Duration.ofMillis(1000));
            HttpResponse<String> after = sbx.debug(NEWS);

            assertThat(version(between)).isEqualTo(1);
            assertThat(list(between, "X-Cache")).containsExactly("HIT", "MISS");
            assertThat(pending(sbx)).isEmpty();
            assertThat(version(after)).isEqualTo(1);
            assertThat(list(after, "X-Cache")).containsExactly("HIT", "HIT");
            assertThat(sbx.api.object(SVC1, NEWS_HTTPS)).extracting(CachedObject::state, CachedObject::version)
                    .containsExactly(ObjectState.FRESH, 1);

            // Fastly's advice: purge a second time.
            sbx.purgeKey(SVC1, "news", false);
            sbx.clock.advance(Duration.ofMillis(2001));
            assertThat(version(sbx.debug(NEWS))).isEqualTo(2);
        }
    }

    @Test
    void aShieldPurgedFirstLeavesTheEdgeServingOldUntilItsOwnPurgeArrives() {
        try (EdgeSandbox sbx = EdgeSandbox.start(b -> b.edgeSeed(7).maxPropagationDelay(Duration.ofSeconds(2)))) {
            sbx.publish(NEWS_HTTPS);
            sbx.purgeKey(SVC1, "news", false);

            sbx.clock.advance(Duration.ofMillis(100));
            HttpResponse<String> early = sbx.debug(NEWS);
            sbx.clock.advance(Duration.ofMillis(700));
            HttpResponse<String> late = sbx.debug(NEWS);

            assertThat(version(early)).isEqualTo(1);
            assertThat(list(early, "X-Cache")).last().isEqualTo("HIT");
            assertThat(version(late)).isEqualTo(2);
            assertThat(list(late, "X-Cache")).containsExactly("MISS", "MISS");
        }
    }

    @Test
    void settingTheSameSeedAgainReplaysTheSameDelays() {
        try (EdgeSandbox sbx = EdgeSandbox.start(b -> b.edgeSeed(3).maxPropagationDelay(Duration.ofSeconds(2)))) {
            Instant at = sbx.clock.instant();
            sbx.purgeKey(SVC1, "news", false);
            List<String> first = pending(sbx);
            sbx.clock.advance(Duration.ofSeconds(5));
            sbx.api.send("PUT", "/_sandbox/edge", null, Map.of(), "{\"seed\":3}");
            sbx.purgeKey(SVC1, "news", false);

            assertThat(first).containsExactly(EDGE + " " + at.plusMillis(227), SHIELD + " " + at.plusMillis(1401));
            assertThat(pending(sbx)).containsExactly(EDGE + " " + at.plusSeconds(5).plusMillis(227),
                    SHIELD + " " + at.plusSeconds(5).plusMillis(1401));
            assertThat(sbx.api.send("PUT", "/_sandbox/edge", null, Map.of(), "{\"max_propagation_delay_ms\":-1}")
                    .statusCode()).isEqualTo(400);
        }
    }

    private static List<String> pending(EdgeSandbox sbx) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : sbx.api.json(sbx.api.get("/_sandbox/edge", null)).get("pending")) {
            out.add(p.get("node").asText() + " " + p.get("due_at").asText());
        }
        return out;
    }
}
