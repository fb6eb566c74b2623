package dev.purgedeck.sandbox;

import static dev.purgedeck.sandbox.DemoAccount.GLOBAL_TOKEN;
import static dev.purgedeck.sandbox.DemoAccount.PURGE_SELECT_TOKEN;
import static dev.purgedeck.sandbox.DemoAccount.READ_ONLY_TOKEN;
import static dev.purgedeck.sandbox.DemoAccount.RESTRICTED_TOKEN;
import static dev.purgedeck.sandbox.SandboxClient.SHOP;
import static dev.purgedeck.sandbox.SandboxClient.SVC1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The details and domain endpoints answer in the shapes of docs/fastly-edge.md §3 (go-fastly fixtures). */
class ServiceDetailsTest {
    /** The fields of a DomainResponse, in go-fastly's fixture domains/list.yaml. */
    private static final List<String> DOMAIN_FIELDS = List.of("comment", "name", "service_id", "version",
            "created_at", "updated_at", "deleted_at");
    private static final String ISO = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    @Test
    void detailsCarryTheActiveVersionWithItsDomains() {
        try (SandboxClient sbx = SandboxClient.start()) {
            HttpResponse<String> r = sbx.get("/service/" + SVC1 + "/details", GLOBAL_TOKEN);

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            JsonNode d = sbx.json(r);
            assertThat(fieldNames(d)).contains("id", "name", "type", "customer_id", "versions", "environments",
                    "version", "active_version", "created_at", "updated_at", "deleted_at");
            assertThat(d.get("id").asText()).isEqualTo(SVC1);
            assertThat(d.get("name").asText()).isEqualTo("Daily Courier — www");
            assertThat(d.get("versions").size()).isEqualTo(42);
            JsonNode active = d.get("active_version");
            assertThat(active.get("number").isInt()).isTrue();
            assertThat(active.get("number").asInt()).isEqualTo(41);
            assertThat(active.get("active").asBoolean()).isTrue();
            assertThat(active.get("backends").isArray()).isTrue();
            assertThat(names(active.get("domains")))
                    .containsExactly("www.dailycourier.example", "dailycourier.example");
            for (JsonNode domain : active.get("domains")) {
                assertDomainShape(domain, SVC1, 41);
            }
            assertThat(d.get("version").get("number").asInt()).isEqualTo(41);
        }
    }

    @Test
    void versionQueryAndActiveFilterShapeTheAnswer() {
        try (SandboxClient sbx = SandboxClient.start()) {
            JsonNode draft = sbx.json(sbx.get("/service/" + SVC1 + "/details?version=42", GLOBAL_TOKEN));
            JsonNode filtered = sbx.json(sbx.get("/service/" + SVC1
                    + "/details?filter%5Bversions.active%5D=true", GLOBAL_TOKEN));

            assertThat(draft.get("version").get("number").asInt()).isEqualTo(42);
            assertThat(draft.get("version").get("active").asBoolean()).isFalse();
            assertThat(draft.get("active_version").get("number").asInt()).isEqualTo(41);
            assertThat(filtered.get("versions").size()).isEqualTo(1);
            assertThat(filtered.get("versions").get(0).get("number").asInt()).isEqualTo(41);
        }
    }

    @Test
    void versionDomainListIsAnArrayOfDomainResponses() {
        try (SandboxClient sbx = SandboxClient.start()) {
            HttpResponse<String> r = sbx.get("/service/" + SHOP + "/version/87/domain", GLOBAL_TOKEN);

            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode list = sbx.json(r);
            assertThat(names(list)).containsExactly("shop.northwind.example", "www.northwind.example");
            for (JsonNode domain : list) {
                assertDomainShape(domain, SHOP, 87);
            }
        }
    }

    @Test
    void readingNeedsAReadScopeAndAKnownServiceAndVersion() {
        try (SandboxClient sbx = SandboxClient.start()) {
            String details = "/service/" + SVC1 + "/details";
            String domains = "/service/" + SVC1 + "/version/41/domain";

            assertThat(sbx.get(details, PURGE_SELECT_TOKEN).statusCode()).isEqualTo(403);
            assertThat(sbx.get(domains, PURGE_SELECT_TOKEN).statusCode()).isEqualTo(403);
            assertThat(sbx.json(sbx.get(details, PURGE_SELECT_TOKEN)).get("detail").asText())
                    .contains("global:read");
            assertThat(sbx.get(details, READ_ONLY_TOKEN).statusCode()).isEqualTo(200);
            assertThat(sbx.get(domains, READ_ONLY_TOKEN).statusCode()).isEqualTo(200);
            assertThat(sbx.get(details, null).statusCode()).isEqualTo(401);
            assertThat(sbx.get("/service/NoSuchService0000000000/details", GLOBAL_TOKEN).statusCode())
                    .isEqualTo(400);
            assertThat(sbx.get("/service/" + SVC1 + "/version/99/domain", GLOBAL_TOKEN).statusCode())
                    .isEqualTo(404);
            assertThat(sbx.get("/service/" + SHOP + "/details", RESTRICTED_TOKEN).statusCode()).isEqualTo(404);
            assertThat(sbx.get(details, RESTRICTED_TOKEN).statusCode()).isEqualTo(200);
        }
    }

    private static void assertDomainShape(JsonNode domain, String serviceId, int version) {
        assertThat(fieldNames(domain)).containsExactlyInAnyOrderElementsOf(DOMAIN_FIELDS);
        assertThat(domain.get("service_id").asText()).isEqualTo(serviceId);
        assertThat(domain.get("version").isInt()).isTrue();
        assertThat(domain.get("version").asInt()).isEqualTo(version);
        assertThat(domain.get("created_at").asText()).matches(ISO);
        assertThat(domain.get("deleted_at").isNull()).isTrue();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> names(JsonNode domains) {
        List<String> out = new ArrayList<>();
        domains.forEach(d -> out.add(d.get("name").asText()));
        return out;
    }
}
