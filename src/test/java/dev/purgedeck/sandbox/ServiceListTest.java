package dev.purgedeck.sandbox;

import static dev.purgedeck.sandbox.DemoAccount.GLOBAL_TOKEN;
import static dev.purgedeck.sandbox.SandboxClient.SVC1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServiceListTest {
    private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"(\\w+)\"");

    @Test
    void fiveDemoServicesOnOnePageWithoutLink() {
        try (SandboxClient sbx = SandboxClient.start()) {
            HttpResponse<String> r = sbx.get("/service", GLOBAL_TOKEN);

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Link")).isEmpty();
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            JsonNode list = sbx.json(r);
            assertThat(list.size()).isEqualTo(5);
            JsonNode first = list.get(0);
            assertThat(first.get("id").asText()).isEqualTo(SVC1);
            assertThat(first.get("name").asText()).isEqualTo("Daily Courier — www");
            assertThat(first.get("type").asText()).isEqualTo("vcl");
            assertThat(first.get("version").asInt()).isEqualTo(41);
            assertThat(first.get("deleted_at").isNull()).isTrue();
            assertThat(first.get("paused").asBoolean()).isFalse();
            assertThat(first.get("customer_id").asText()).hasSize(22);
            assertThat(first.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            JsonNode v41 = first.get("versions").get(40);
            assertThat(v41.get("number").asInt()).isEqualTo(41);
            assertThat(v41.get("active").asBoolean()).isTrue();
            assertThat(v41.get("service_id").asText()).isEqualTo(SVC1);
        }
    }

    @Test
    void linkHeaderWalksAll255Services() {
        try (SandboxClient sbx = SandboxClient.start(SandboxConfig.builder().manyServices(true).build())) {
            Set<String> ids = new HashSet<>();
            List<Map<String, String>> linksPerPage = new ArrayList<>();
            String next = "/service?per_page=100";
            while (next != null) {
                HttpResponse<String> r = sbx.get(next, GLOBAL_TOKEN);
                assertThat(r.statusCode()).isEqualTo(200);
                sbx.json(r).forEach(s -> ids.add(s.get("id").asText()));
                Map<String, String> links = links(r.headers().firstValue("Link").orElse(""));
                linksPerPage.add(links);
                next = links.containsKey("next") ? pathOf(links.get("next"), sbx) : null;
            }

            assertThat(ids).hasSize(255);
            assertThat(linksPerPage).hasSize(3);
            assertThat(linksPerPage.get(0)).containsOnlyKeys("next", "last");
            assertThat(linksPerPage.get(1)).containsOnlyKeys("next", "last", "prev", "first");
            assertThat(linksPerPage.get(2)).containsOnlyKeys("prev", "first");
            assertThat(linksPerPage.get(0).get("last")).isEqualTo(sbx.server.baseUri()
                    + "/service?direction=ascend&page=3&per_page=100&sort=created");
        }
    }

    @Test
    void perPageDefaultsTo20AndIsCappedAt1000() {
        try (SandboxClient sbx = SandboxClient.start(SandboxConfig.builder().manyServices(true).build())) {
            assertThat(sbx.json(sbx.get("/service", GLOBAL_TOKEN)).size()).isEqualTo(20);
            assertThat(sbx.json(sbx.get("/service?per_page=5000", GLOBAL_TOKEN)).size()).isEqualTo(255);
            assertThat(sbx.json(sbx.get("/service?page=99", GLOBAL_TOKEN)).size()).isZero();
        }
    }

    @Test
    void sortDirectionAndRestrictedTokens() {
        try (SandboxClient sbx = SandboxClient.start()) {
            JsonNode byName = sbx.json(sbx.get("/service?sort=name&direction=descend", GLOBAL_TOKEN));
            assertThat(byName.get(0).get("name").asText()).isEqualTo("Northwind Shop");
            assertThat(sbx.get("/service?direction=sideways", GLOBAL_TOKEN).statusCode()).isEqualTo(400);

            JsonNode restricted = sbx.json(sbx.get("/service", DemoAccount.RESTRICTED_TOKEN));
            assertThat(restricted.size()).isEqualTo(1);
            assertThat(restricted.get(0).get("id").asText()).isEqualTo(SVC1);
        }
    }

    @Test
    void getAndSearchOmitTheTopLevelVersion() {
        try (SandboxClient sbx = SandboxClient.start()) {
            JsonNode one = sbx.json(sbx.get("/service/" + SVC1, DemoAccount.READ_ONLY_TOKEN));
            assertThat(one.get("id").asText()).isEqualTo(SVC1);
            assertThat(one.has("version")).isFalse();
            assertThat(one.get("versions").size()).isEqualTo(42);

            HttpResponse<String> found = sbx.get("/service/search?name=Northwind%20Shop", GLOBAL_TOKEN);
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(sbx.json(found).get("id").asText()).isEqualTo(SandboxClient.SHOP);
            assertThat(sbx.get("/service/search?name=Nope", GLOBAL_TOKEN).statusCode()).isEqualTo(400);
            assertThat(sbx.get("/service/NoSuchService000000000", GLOBAL_TOKEN).statusCode()).isEqualTo(400);
        }
    }

    private static Map<String, String> links(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = LINK.matcher(header);
        while (m.find()) {
            out.put(m.group(2), m.group(1));
        }
        return out;
    }

    private static String pathOf(String absolute, SandboxClient sbx) {
        URI uri = URI.create(absolute);
        assertThat(uri.getScheme() + "://" + uri.getAuthority()).isEqualTo(sbx.server.baseUri().toString());
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
