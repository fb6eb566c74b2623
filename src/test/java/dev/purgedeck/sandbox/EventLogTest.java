package dev.purgedeck.sandbox;

import static dev.purgedeck.sandbox.DemoAccount.GLOBAL_TOKEN;
import static dev.purgedeck.sandbox.DemoAccount.PURGE_ALL_TOKEN;
import static dev.purgedeck.sandbox.DemoAccount.READ_ONLY_TOKEN;
import static dev.purgedeck.sandbox.DemoAccount.RESTRICTED_TOKEN;
import static dev.purgedeck.sandbox.SandboxClient.SVC1;
import static dev.purgedeck.sandbox.SandboxClient.SVC2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventLogTest {
    private final SandboxClient sbx = SandboxClient.start();

    @AfterEach
    void stop() {
        sbx.close();
    }

    private static String q(String s) {
        return s.replace("[", "%5B").replace("]", "%5D");
    }

    private void outside(String service, String user, String at) {
        HttpResponse<String> r = sbx.send("POST", "/_sandbox/events", null, Map.of(),
                "{\"service_id\":\"" + service + "\",\"user_id\":\"" + user + "\",\"ip\":\"198.51.100.4\","
                        + "\"created_at\":\"" + at + "\"}");
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void eachPurgeAllIsRecordedAsAServicePurgeAllEventInJsonApiShape() {
        assertThat(sbx.post("/service/" + SVC1 + "/purge_all", PURGE_ALL_TOKEN).statusCode()).isEqualTo(200);

        HttpResponse<String> r = sbx.get("/events", GLOBAL_TOKEN);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.api+json");
        JsonNode body = sbx.json(r);
        assertThat(body.path("data")).hasSize(1);
        JsonNode e = body.path("data").get(0);
        assertThat(e.path("type").asText()).isEqualTo("event");
        JsonNode a = e.path("attributes");
        assertThat(a.path("event_type").asText()).isEqualTo("service.purge_all");
        assertThat(a.path("service_id").asText()).isEqualTo(SVC1);
        assertThat(a.path("user_id").asText()).isEqualTo(DemoAccount.USER_ID);
        assertThat(a.path("token_id").asText()).isEqualTo("SbxTokenPurgeAll000003");
        assertThat(a.path("ip").asText()).isEqualTo("127.0.0.1");
        assertThat(a.path("created_at").asText()).isNotEmpty();
        assertThat(body.path("meta").path("record_count").asInt()).isEqualTo(1);
    }

    @Test
    void filtersSortsAndPagesLikeFastly() {
        outside(SVC1, "UserA", "2026-01-01T10:00:00Z");
        outside(SVC2, "UserB", "2026-01-02T10:00:00Z");
        outside(SVC1, "UserC", "2026-01-03T10:00:00Z");

        JsonNode bySvc = sbx.json(sbx.get(q("/events?filter[service_id]=" + SVC1 + "&sort=-created_at"),
                GLOBAL_TOKEN));
        assertThat(bySvc.path("data").findValuesAsText("user_id")).containsExactly("UserC", "UserA");

        JsonNode since = sbx.json(sbx.get(q("/events?filter[created_at][gt]=2026-01-01T10:00:00Z"
                + "&filter[event_type]=service.purge_all"), GLOBAL_TOKEN));
        assertThat(since.path("data").findValuesAsText("user_id")).containsExactly("UserB", "UserC");

        JsonNode page2 = sbx.json(sbx.get(q("/events?page[number]=2&page[size]=2"), GLOBAL_TOKEN));
        assertThat(page2.path("data").findValuesAsText("user_id")).containsExactly("UserC");
        assertThat(page2.path("meta").path("total_pages").asInt()).isEqualTo(2);
        assertThat(page2.path("meta").path("current_page").asInt()).isEqualTo(2);
        assertThat(page2.path("links").path("next").isNull()).isTrue();
        assertThat(page2.path("links").path("prev").asText()).contains("page[number]=1");
    }

    @Test
    void aTokenThatMayNotReadTheLogIsRefusedInJsonApiForm() {
        HttpResponse<String> r = sbx.get("/events", PURGE_ALL_TOKEN);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.api+json");
        assertThat(sbx.json(r).path("errors").get(0).path("title").asText()).isEqualTo("Forbidden");
        assertThat(sbx.get("/events", READ_ONLY_TOKEN).statusCode()).isEqualTo(200);
        assertThat(sbx.get("/events", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenLimitedToOneServiceSeesOnlyThatServicesEvents() {
        outside(SVC1, "UserA", "2026-01-01T10:00:00Z");
        outside(SVC2, "UserB", "2026-01-02T10:00:00Z");

        JsonNode r = sbx.json(sbx.get("/events", RESTRICTED_TOKEN));

        assertThat(r.path("data").findValuesAsText("service_id")).containsExactly(SVC1);
    }

    @Test
    void badFiltersGetAPlainAnswer() {
        HttpResponse<String> r = sbx.get(q("/events?filter[created_at][gt]=yesterday"), GLOBAL_TOKEN);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("filter[created_at][gt] must be an ISO 8601 date or time");
        assertThat(sbx.get(q("/events?page[size]=0"), GLOBAL_TOKEN).statusCode()).isEqualTo(400);
    }
}
