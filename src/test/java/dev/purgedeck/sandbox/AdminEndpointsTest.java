package dev.purgedeck.sandbox;

import static dev.purgedeck.sandbox.DemoAccount.GLOBAL_TOKEN;
import static dev.purgedeck.sandbox.SandboxClient.SVC1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminEndpointsTest {
    private final SandboxClient sbx = SandboxClient.start();

    @AfterEach
    void stop() {
        sbx.close();
    }

    @Test
    void objectsShowStatePerEnvironment() {
        sbx.post("/service/" + SVC1 + "/purge/homepage", GLOBAL_TOKEN, Map.of("Fastly-Soft-Purge", "1"));

        JsonNode prod = sbx.json(sbx.get("/_sandbox/services/" + SVC1 + "/objects", null));
        assertThat(prod.get("service_id").asText()).isEqualTo(SVC1);
        assertThat(prod.get("environment").asText()).isEqualTo("production");
        JsonNode home = prod.get("objects").get(0);
        assertThat(home.get("url").asText()).isEqualTo("https://www.dailycourier.example/");
        assertThat(home.get("surrogate_keys").toString()).isEqualTo("[\"homepage\",\"all\"]");
        assertThat(home.get("state").asText()).isEqualTo("stale");
        assertThat(home.get("last_purge_id").asText()).matches("\\d+-\\d+-\\d+");
        assertThat(prod.get("objects").get(1).get("last_purge_id").isNull()).isTrue();

        JsonNode staging = sbx.json(sbx.get("/_sandbox/services/" + SVC1 + "/objects?environment=staging", null));
        assertThat(staging.get("objects").get(0).get("state").asText()).isEqualTo("fresh");
        assertThat(sbx.get("/_sandbox/services/nope/objects", null).statusCode()).isEqualTo(404);
        assertThat(sbx.get("/_sandbox/services/" + SVC1 + "/objects?environment=qa", null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void tokensListsEveryDemoTokenWithItsScopesAndTheGlobalOneWorks() {
        JsonNode tokens = sbx.json(sbx.get("/_sandbox/tokens", null)).get("tokens");
        assertThat(tokens).hasSize(6);
        JsonNode global = null;
        for (JsonNode t : tokens) {
            if (t.get("scopes").toString().equals("[\"global\"]") && t.get("services").isEmpty()
                    && t.get("expires_at").isNull()) {
                global = t;
            }
        }
        assertThat(global).as("one unrestricted global token").isNotNull();
        assertThat(sbx.get("/service", global.get("token").asText()).statusCode()).isEqualTo(200);
        assertThat(sbx.post("/_sandbox/tokens", null).statusCode()).isEqualTo(405);
    }

    @Test
    void reseedMakesEverythingFresh() {
        sbx.post("/service/" + SVC1 + "/purge_all", GLOBAL_TOKEN);
        sbx.post("/service/" + SVC1 + "/purge_all", GLOBAL_TOKEN, Map.of("Fastly-Purge-Environment", "staging"));

        assertThat(sbx.post("/_sandbox/reseed", null).statusCode()).isEqualTo(200);

        assertThat(sbx.objects(SVC1)).allMatch(o -> o.state() == ObjectState.FRESH && o.lastPurgeId() == null);
        assertThat(sbx.objects(SVC1, "staging")).allMatch(o -> o.state() == ObjectState.FRESH);
    }

    @Test
    void faultsRoundTripInSnakeCase() {
        assertThat(sbx.get("/_sandbox/faults", null).body()).isEqualTo("{\"latency_ms\":0,\"latency_jitter_ms\":0,"
                + "\"error_rate\":0.0,\"error_status\":503,\"rate_limit_after\":null,\"rate_limit_reset_ms\":60000,"
                + "\"retry_after_seconds\":null,\"drop_rate\":0.0,\"malformed_rate\":0.0}");

        HttpResponse<String> put = sbx.send("PUT", "/_sandbox/faults", null, Map.of(),
                "{\"latency_ms\":25,\"error_rate\":0.25,\"error_status\":502,\"rate_limit_after\":3,"
                        + "\"rate_limit_reset_ms\":1000,\"retry_after_seconds\":2}");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(sbx.server.faults()).isEqualTo(FaultSettings.none().withLatency(Duration.ofMillis(25))
                .withErrorRate(0.25, 502).withRateLimitAfter(3, Duration.ofSeconds(1)).withRetryAfter(2));
        assertThat(sbx.json(put).get("rate_limit_after").asInt()).isEqualTo(3);

        assertThat(sbx.send("PUT", "/_sandbox/faults", null, Map.of(), "{\"eror_rate\":1}").statusCode())
                .isEqualTo(400);
        assertThat(sbx.send("PUT", "/_sandbox/faults", null, Map.of(), "{\"error_rate\":2}").statusCode())
                .isEqualTo(400);
        assertThat(sbx.send("DELETE", "/_sandbox/faults", null, Map.of(), "").statusCode()).isEqualTo(200);
        assertThat(sbx.server.faults()).isEqualTo(FaultSettings.none());
    }

    @Test
    void requestsAreListedMaskedAndClearable() {
        sbx.post("/service/" + SVC1 + "/purge/homepage", GLOBAL_TOKEN, Map.of("Surrogate-Key", "x"));
        sbx.get("/_sandbox/faults", null);

        JsonNode log = sbx.json(sbx.get("/_sandbox/requests", null));
        assertThat(log.get("count").asLong()).isEqualTo(1);
        JsonNode req = log.get("requests").get(0);
        assertThat(req.get("method").asText()).isEqualTo("POST");
        assertThat(req.get("raw_path_and_query").asText()).isEqualTo("/service/" + SVC1 + "/purge/homepage");
        assertThat(req.get("headers").get("fastly-key").asText()).isEqualTo("****0001");
        assertThat(log.toString()).doesNotContain(GLOBAL_TOKEN);

        assertThat(sbx.send("DELETE", "/_sandbox/requests", null, Map.of(), "").statusCode()).isEqualTo(200);
        assertThat(sbx.server.requests().count()).isZero();
        assertThat(sbx.get("/_sandbox/nothing", null).statusCode()).isEqualTo(404);
    }

    @Test
    void servicesAreListed() {
        JsonNode services = sbx.json(sbx.get("/_sandbox/services", null));

        assertThat(services.size()).isEqualTo(5);
        assertThat(services.get(0).get("id").asText()).isEqualTo(SVC1);
        assertThat(services.get(0).get("domains").get(0).asText()).isEqualTo("www.dailycourier.example");
    }
}
