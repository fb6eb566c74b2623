package dev.purgedeck.sandbox;

import static dev.purgedeck.sandbox.DemoAccount.GLOBAL_TOKEN;
import static dev.purgedeck.sandbox.DemoAccount.PURGE_ALL_TOKEN;
import static dev.purgedeck.sandbox.SandboxClient.SVC1;
import static dev.purgedeck.sandbox.SandboxClient.SVC2;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PurgeAllTest {
    private SandboxClient sbx = SandboxClient.start();

    @AfterEach
    void stop() {
        sbx.close();
    }

    @Test
    void purgesEverythingHardAndReportsTheRateLimit() {
        long before = Instant.now().getEpochSecond();
        HttpResponse<String> r = sbx.post("/service/" + SVC1 + "/purge_all", GLOBAL_TOKEN,
                Map.of("Fastly-Soft-Purge", "1"));
        long after = Instant.now().getEpochSecond();

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(r.headers().firstValue("Fastly-RateLimit-Remaining")).hasValue("999");
        long reset = Long.parseLong(r.headers().firstValue("Fastly-RateLimit-Reset").orElseThrow());
        assertThat(reset % 3600).isZero();
        assertThat(reset).isBetween(before + 1, after + 3600);
        assertThat(sbx.objects(SVC1)).allSatisfy(o -> {
            assertThat(o.state()).isEqualTo(ObjectState.GONE);
            assertThat(o.lastPurgeId()).isEqualTo("purge_all");
        });
        assertThat(sbx.objects(SVC1, "staging")).allMatch(o -> o.state() == ObjectState.FRESH);
        assertThat(sbx.objects(SVC2)).allMatch(o -> o.state() == ObjectState.FRESH);
    }

    @Test
    void answers429OnceTheHourlyLimitIsUsedUp() {
        sbx.close();
        sbx = SandboxClient.start(SandboxConfig.builder().purgeAllHourlyLimit(2).build());

        assertThat(sbx.post("/service/" + SVC1 + "/purge_all", GLOBAL_TOKEN).headers()
                .firstValue("Fastly-RateLimit-Remaining")).hasValue("1");
        // The limit is per user, so a second token of the same user shares it.
        assertThat(sbx.post("/service/" + SVC2 + "/purge_all", PURGE_ALL_TOKEN).headers()
                .firstValue("Fastly-RateLimit-Remaining")).hasValue("0");
        HttpResponse<String> limited = sbx.post("/service/" + SVC1 + "/purge_all", GLOBAL_TOKEN);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo("{\"msg\":\"You have exceeded your hourly rate limit. "
                + "Please contact support@fastly.com if you think this is a mistake.\"}");
        assertThat(limited.headers().firstValue("Fastly-RateLimit-Remaining")).hasValue("0");
        assertThat(limited.headers().firstValue("Fastly-RateLimit-Reset")).isPresent();
        // Key purges are not counted against the hourly limit.
        assertThat(sbx.post("/service/" + SVC1 + "/purge/homepage", GLOBAL_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void stagingPurgeAllLeavesProductionAlone() {
        sbx.post("/service/" + SVC1 + "/purge_all", GLOBAL_TOKEN, Map.of("Fastly-Purge-Environment", "staging"));

        assertThat(sbx.objects(SVC1, "staging")).allMatch(o -> o.state() == ObjectState.GONE);
        assertThat(sbx.objects(SVC1, "production")).allMatch(o -> o.state() == ObjectState.FRESH);
    }
}
