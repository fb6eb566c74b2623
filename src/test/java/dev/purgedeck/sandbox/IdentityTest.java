package dev.purgedeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdentityTest {
    private final SandboxClient sbx = SandboxClient.start();

    @AfterEach
    void stop() {
        sbx.close();
    }

    @Test
    void tokensSelfHasTheRecordedShape() {
        HttpResponse<String> r = sbx.send("GET", "/tokens/self", DemoAccount.PURGE_ALL_TOKEN,
                Map.of("User-Agent", "PurgeDeckTest/1.0"), "");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode t = sbx.json(r);
        assertThat(fields(t)).containsExactly("id", "user_id", "customer_id", "name", "last_used_at", "created_at",
                "expires_at", "ip", "user_agent", "sudo_expires_at", "scopes", "scope", "services");
        assertThat(t.get("scope").asText()).isEqualTo("purge_all purge_select");
        assertThat(t.get("scopes").toString()).isEqualTo("[\"purge_all\",\"purge_select\"]");
        assertThat(t.get("services").size()).isZero();
        assertThat(t.get("expires_at").isNull()).isTrue();
        assertThat(t.get("user_agent").asText()).isEqualTo("PurgeDeckTest/1.0");
        assertThat(t.toString()).doesNotContain(DemoAccount.PURGE_ALL_TOKEN);
    }

    @Test
    void restrictedTokenListsItsServices() {
        JsonNode t = sbx.json(sbx.get("/tokens/self", DemoAccount.RESTRICTED_TOKEN));

        assertThat(t.get("services").toString()).isEqualTo("[\"" + SandboxClient.SVC1 + "\"]");
    }

    @Test
    void currentUserForGlobalTokens() {
        JsonNode u = sbx.json(sbx.get("/current_user", DemoAccount.GLOBAL_TOKEN));

        assertThat(u.get("login").asText()).isEqualTo("dana@purgedeck.example");
        assertThat(u.get("role").asText()).isEqualTo("superuser");
        assertThat(u.get("customer_id").asText()).isEqualTo("SbxDemoCustomer0000001");
        assertThat(sbx.get("/current_user", DemoAccount.READ_ONLY_TOKEN).statusCode()).isEqualTo(403);
    }

    @Test
    void verifyListsVisibleServices() {
        JsonNode v = sbx.json(sbx.get("/verify", DemoAccount.RESTRICTED_TOKEN));

        assertThat(v.get("services").size()).isEqualTo(1);
        assertThat(v.get("services").get(SandboxClient.SVC1).asText()).isEqualTo("Daily Courier — www");
        assertThat(v.get("token").get("scope").asText()).isEqualTo("global");
        assertThat(v.get("customer").get("id").asText()).hasSize(22);
        assertThat(sbx.get("/verify", null).statusCode()).isEqualTo(401);
    }

    @Test
    void openIdDiscoveryForTheFastlyCli() {
        HttpResponse<String> r = sbx.get("/realms/fastly/.well-known/openid-configuration", null);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode d = sbx.json(r);
        for (String field : List.of("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")) {
            assertThat(d.get(field).asText()).startsWith(sbx.server.baseUri().toString());
        }
    }

    @Test
    void unknownRouteIsJson404() {
        HttpResponse<String> r = sbx.get("/no/such/thing", DemoAccount.GLOBAL_TOKEN);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).isEqualTo("{\"msg\":\"Not found\"}");
        assertThat(sbx.send("DELETE", "/service/" + SandboxClient.SVC1, DemoAccount.GLOBAL_TOKEN, Map.of(), "")
                .statusCode()).isEqualTo(404);
    }

    private static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
