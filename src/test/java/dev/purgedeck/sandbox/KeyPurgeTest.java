package dev.purgedeck.sandbox;

import static dev.purgedeck.sandbox.DemoAccount.GLOBAL_TOKEN;
import static dev.purgedeck.sandbox.SandboxClient.SVC1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyPurgeTest {
    static final String ARTICLE = "https://www.dailycourier.example/news/2025/city-council-approves-budget";
    static final String HOME = "https://www.dailycourier.example/";

    private final SandboxClient sbx = SandboxClient.start();

    @AfterEach
    void stop() {
        sbx.close();
    }

    @Test
    void singleKeyAnswersSpacedJsonWithoutRateLimitHeaders() {
        HttpResponse<String> r = sbx.post("/service/" + SVC1 + "/purge/article-4711", GLOBAL_TOKEN);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).matches("\\{ \"status\": \"ok\", \"id\": \"\\d+-\\d+-\\d+\" }");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.headers().firstValue("Fastly-Surrogate-Key-Count")).hasValue("1");
        assertThat(r.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("fastly-ratelimit"));
        assertThat(sbx.object(SVC1, ARTICLE).state()).isEqualTo(ObjectState.GONE);
        assertThat(sbx.object(SVC1, ARTICLE).lastPurgeId()).isEqualTo(sbx.json(r).get("id").asText());
        assertThat(sbx.object(SVC1, HOME).state()).isEqualTo(ObjectState.FRESH);
    }

    @Test
    void singleKeySegmentIsPercentDecoded() {
        sbx.post("/service/" + SVC1 + "/purge/article%2D4711", GLOBAL_TOKEN);

        assertThat(sbx.object(SVC1, ARTICLE).state()).isEqualTo(ObjectState.GONE);
    }

    @Test
    void bulkHeaderAnswersOneIdPerKeyWithSharedBase() {
        HttpResponse<String> r = sbx.post("/service/" + SVC1 + "/purge", GLOBAL_TOKEN,
                Map.of("Surrogate-Key", "homepage  sitemap feed-rss "));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).matches("\\{ \"homepage\": \"(\\d+-\\d+-\\d+)-1\", \"sitemap\": \"\\1-2\","
                + " \"feed-rss\": \"\\1-3\" }");
        assertThat(r.headers().firstValue("Fastly-Surrogate-Key-Count")).hasValue("3");
        assertThat(sbx.json(r).has("status")).isFalse();
        assertThat(r.headers().firstValue("Fastly-RateLimit-Remaining")).isEmpty();
        assertThat(sbx.object(SVC1, HOME).state()).isEqualTo(ObjectState.GONE);
        assertThat(sbx.object(SVC1, "https://www.dailycourier.example/sitemap.xml").state())
                .isEqualTo(ObjectState.GONE);
    }

    @Test
    void bulkJsonBody() {
        HttpResponse<String> r = sbx.send("POST", "/service/" + SVC1 + "/purge", GLOBAL_TOKEN,
                Map.of("Content-Type", "application/json"), "{\"surrogate_keys\":[\"article-4711\",\"weather\"]}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(names(sbx.json(r))).containsExactly("article-4711", "weather");
        assertThat(sbx.object(SVC1, ARTICLE).state()).isEqualTo(ObjectState.GONE);
        assertThat(sbx.object(SVC1, "https://www.dailycourier.example/weather?city=leeds").state())
                .isEqualTo(ObjectState.GONE);
    }

    @Test
    void twoHundredFiftySixKeysPassAndOneMoreFails() {
        HttpResponse<String> ok = sbx.post("/service/" + SVC1 + "/purge", GLOBAL_TOKEN,
                Map.of("Surrogate-Key", keys(256)));
        HttpResponse<String> tooMany = sbx.post("/service/" + SVC1 + "/purge", GLOBAL_TOKEN,
                Map.of("Surrogate-Key", keys(257)));

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(sbx.json(ok).size()).isEqualTo(256);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).isEqualTo(
                "{\"status\":\"fail\",\"reason\":\"Batch surrogate key request only supports up to 256 surrogate keys\"}");
    }

    @Test
    void keysAreCaseSensitive() {
        sbx.post("/service/" + SVC1 + "/purge", GLOBAL_TOKEN, Map.of("Surrogate-Key", "HOMEPAGE"));

        assertThat(sbx.object(SVC1, HOME).state()).isEqualTo(ObjectState.FRESH);
    }

    @Test
    void invalidKeysAreIgnoredAndLeftOutOfTheAnswer() {
        String tooLong = "k".repeat(1025);
        String body = "{\"surrogate_keys\":[\"caf\u00e9\",\"with space\",\"" + tooLong + "\",\"homepage\"]}";

        HttpResponse<String> r = sbx.send("POST", "/service/" + SVC1 + "/purge", GLOBAL_TOKEN, Map.of(), body);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(names(sbx.json(r))).containsExactly("homepage");
        assertThat(sbx.json(r).get("homepage").asText()).endsWith("-1");
    }

    @Test
    void softThenHardThenSoftAgain() {
        Map<String, String> soft = Map.of("Surrogate-Key", "article-4711", "Fastly-Soft-Purge", "1");
        sbx.post("/service/" + SVC1 + "/purge", GLOBAL_TOKEN, soft);
        assertThat(sbx.object(SVC1, ARTICLE).state()).isEqualTo(ObjectState.STALE);

        sbx.post("/service/" + SVC1 + "/purge/article-4711", GLOBAL_TOKEN);
        sbx.post("/service/" + SVC1 + "/purge", GLOBAL_TOKEN, soft);
        assertThat(sbx.object(SVC1, ARTICLE).state()).isEqualTo(ObjectState.GONE);
    }

    @Test
    void stagingHasItsOwnCache() {
        sbx.post("/service/" + SVC1 + "/purge/homepage", GLOBAL_TOKEN, Map.of("Fastly-Purge-Environment", "staging"));

        assertThat(sbx.object(SVC1, "staging", HOME).state()).isEqualTo(ObjectState.GONE);
        assertThat(sbx.object(SVC1, "production", HOME).state()).isEqualTo(ObjectState.FRESH);

        sbx.post("/service/" + SVC1 + "/purge", GLOBAL_TOKEN, Map.of("Surrogate-Key", "sitemap"));
        String sitemap = "https://www.dailycourier.example/sitemap.xml";
        assertThat(sbx.object(SVC1, "production", sitemap).state()).isEqualTo(ObjectState.GONE);
        assertThat(sbx.object(SVC1, "staging", sitemap).state()).isEqualTo(ObjectState.FRESH);
    }

    @Test
    void badEnvironmentAndMissingKeysAreRejected() {
        HttpResponse<String> env = sbx.post("/service/" + SVC1 + "/purge/homepage", GLOBAL_TOKEN,
                Map.of("Fastly-Purge-Environment", "qa"));
        HttpResponse<String> none = sbx.post("/service/" + SVC1 + "/purge", GLOBAL_TOKEN);
        HttpResponse<String> badJson = sbx.send("POST", "/service/" + SVC1 + "/purge", GLOBAL_TOKEN, Map.of(), "{");

        assertThat(env.statusCode()).isEqualTo(400);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(sbx.json(none).get("status").asText()).isEqualTo("fail");
        assertThat(badJson.statusCode()).isEqualTo(400);
    }

    private static String keys(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "key-" + i).collect(Collectors.joining(" "));
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
