package dev.purgedeck.sandbox;

import static dev.purgedeck.sandbox.SandboxClient.SHOP;
import static dev.purgedeck.sandbox.SandboxClient.SVC1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UrlPurgeTest {
    static final String ID = "\\d+-\\d+-\\d+";
    static final String ARTICLE = "https://www.dailycourier.example/news/2025/city-council-approves-budget";

    private SandboxClient sbx = SandboxClient.start();

    @AfterEach
    void stop() {
        sbx.close();
    }

    @Test
    void postWithFullUrlHardPurgesAndAnswersLikeACacheNode() {
        HttpResponse<String> r = sbx.post("/purge/" + ARTICLE, null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).matches("\\{ \"status\": \"ok\", \"id\": \"" + ID + "\" }");
        assertThat(r.headers().firstValue("Fastly-RateLimit-Remaining")).isEmpty();
        String id = sbx.json(r).get("id").asText();
        assertThat(sbx.object(SVC1, ARTICLE).state()).isEqualTo(ObjectState.GONE);
        assertThat(sbx.object(SVC1, ARTICLE).lastPurgeId()).isEqualTo(id);
        assertThat(sbx.object(SVC1, "https://www.dailycourier.example/news").state()).isEqualTo(ObjectState.FRESH);
    }

    @Test
    void schemeIsNotPartOfTheCacheKey() {
        sbx.post("/purge/www.dailycourier.example/sport", null);
        sbx.post("/purge/http://www.dailycourier.example/news", null);

        assertThat(sbx.object(SVC1, "https://www.dailycourier.example/sport").state()).isEqualTo(ObjectState.GONE);
        assertThat(sbx.object(SVC1, "https://www.dailycourier.example/news").state()).isEqualTo(ObjectState.GONE);
    }

    @Test
    void queryStringIsPartOfTheKey() {
        assertThat(sbx.post("/purge/https://www.dailycourier.example/weather?city=leeds", null).statusCode())
                .isEqualTo(200);
        sbx.post("/purge/https://www.dailycourier.example/search?q=budget&page=2", null);

        assertThat(sbx.object(SVC1, "https://www.dailycourier.example/weather?city=leeds").state())
                .isEqualTo(ObjectState.GONE);
        assertThat(sbx.object(SVC1, "https://www.dailycourier.example/weather?city=brighton").state())
                .isEqualTo(ObjectState.FRESH);
        // Same parameters in another order are another object, as req.url is compared verbatim.
        assertThat(sbx.object(SVC1, "https://www.dailycourier.example/search?page=2&q=budget").state())
                .isEqualTo(ObjectState.FRESH);
    }

    @Test
    void softPurgeMarksStaleAndNeverRevivesAGoneObject() {
        sbx.post("/purge/" + ARTICLE, null, Map.of("Fastly-Soft-Purge", "1"));
        assertThat(sbx.object(SVC1, ARTICLE).state()).isEqualTo(ObjectState.STALE);

        sbx.post("/purge/" + ARTICLE, null);
        sbx.post("/purge/" + ARTICLE, null, Map.of("Fastly-Soft-Purge", "0"));
        assertThat(sbx.object(SVC1, ARTICLE).state()).isEqualTo(ObjectState.GONE);
    }

    @Test
    void unknownUrlIsStillOk() {
        HttpResponse<String> r = sbx.post("/purge/https://nowhere.example/x", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sbx.json(r).get("id").asText()).matches(ID);
    }

    @Test
    void tokenIsOptionalButMustBeValidWhenSent() {
        assertThat(sbx.post("/purge/" + ARTICLE, DemoAccount.GLOBAL_TOKEN).statusCode()).isEqualTo(200);
        assertThat(sbx.post("/purge/" + ARTICLE, DemoAccount.READ_ONLY_TOKEN).statusCode()).isEqualTo(200);
        HttpResponse<String> bad = sbx.post("/purge/" + ARTICLE, "not-a-token");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).isEqualTo("{\"msg\":\"Provided credentials are missing or invalid\"}");
        assertThat(sbx.post("/purge/" + ARTICLE, DemoAccount.EXPIRED_TOKEN).statusCode()).isEqualTo(401);
    }

    @Test
    void serviceCanRequireAuthForUrlPurges() {
        sbx.close();
        sbx = SandboxClient.start(SandboxConfig.builder().urlPurgeRequiresAuth(true).build());

        assertThat(sbx.post("/purge/" + ARTICLE, null).statusCode()).isEqualTo(401);
        assertThat(sbx.post("/purge/" + ARTICLE, DemoAccount.READ_ONLY_TOKEN).statusCode()).isEqualTo(403);
        assertThat(sbx.post("/purge/https://shop.northwind.example/", DemoAccount.RESTRICTED_TOKEN).statusCode())
                .isEqualTo(404);
        assertThat(sbx.post("/purge/" + ARTICLE, DemoAccount.PURGE_SELECT_TOKEN).statusCode()).isEqualTo(200);
        assertThat(sbx.object(SVC1, ARTICLE).state()).isEqualTo(ObjectState.GONE);
    }

    @Test
    void compactJsonWhenPrettyIsOff() {
        sbx.close();
        sbx = SandboxClient.start(SandboxConfig.builder().prettyKeyPurgeJson(false).build());

        assertThat(sbx.post("/purge/" + ARTICLE, null).body()).matches("\\{\"status\":\"ok\",\"id\":\"" + ID + "\"}");
    }

    @Test
    void purgeMethodThroughTheSandboxAsProxy() throws Exception {
        HttpClient viaProxy = HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", sbx.server.port()))).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://shop.northwind.example/products/4711-ceramic-teapot"))
                .method("PURGE", HttpRequest.BodyPublishers.noBody()).header("Fastly-Soft-Purge", "1").build();

        HttpResponse<String> r = viaProxy.send(req, HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).matches("\\{ \"status\": \"ok\", \"id\": \"" + ID + "\" }");
        assertThat(sbx.object(SHOP, "https://shop.northwind.example/products/4711-ceramic-teapot").state())
                .isEqualTo(ObjectState.STALE);
        assertThat(sbx.server.requests().all().get(0).rawPathAndQuery())
                .isEqualTo("http://shop.northwind.example/products/4711-ceramic-teapot");
    }

    @Test
    void purgeMethodWithHostHeader() throws IOException {
        String answer = rawRequest("PURGE /category/kitchen?page=2 HTTP/1.1\r\nHost: shop.northwind.example\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(sbx.object(SHOP, "https://shop.northwind.example/category/kitchen?page=2").state())
                .isEqualTo(ObjectState.GONE);
        assertThat(sbx.object(SHOP, "https://shop.northwind.example/category/kitchen").state())
                .isEqualTo(ObjectState.FRESH);
    }

    @Test
    void purgeMethodForUnknownHostIsNotFound() throws IOException {
        String answer = rawRequest("PURGE /x HTTP/1.1\r\nHost: unknown.example\r\n");

        assertThat(answer).startsWith("HTTP/1.1 404");
        assertThat(answer).contains("{\"status\":\"fail\",\"reason\":");
    }

    private String rawRequest(String head) throws IOException {
        try (Socket s = new Socket("127.0.0.1", sbx.server.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write((head + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
