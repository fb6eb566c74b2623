package dev.purgedeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    @Test
    void recordsApiRequestsWithMaskedTokenAndLowerCaseHeaders() {
        try (SandboxClient sbx = SandboxClient.start()) {
            sbx.send("POST", "/service/" + SandboxClient.SVC1 + "/purge", DemoAccount.PURGE_SELECT_TOKEN,
                    Map.of("Surrogate-Key", "homepage", "X-Custom", "Yes"), "{\"surrogate_keys\":[\"all\"]}");

            RecordedRequest r = sbx.server.requests().all().get(0);
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.rawPathAndQuery()).isEqualTo("/service/" + SandboxClient.SVC1 + "/purge");
            assertThat(r.headers()).containsEntry("fastly-key", "****0002").containsEntry("x-custom", "Yes")
                    .containsEntry("surrogate-key", "homepage");
            assertThat(r.headers().toString()).doesNotContain(DemoAccount.PURGE_SELECT_TOKEN);
            assertThat(r.body()).isEqualTo("{\"surrogate_keys\":[\"all\"]}");
            assertThat(r.at()).isBeforeOrEqualTo(Instant.now());
            assertThat(sbx.server.requests().count()).isEqualTo(1);

            sbx.server.requests().clear();
            assertThat(sbx.server.requests().all()).isEmpty();
            assertThat(sbx.server.requests().count()).isZero();
        }
    }

    @Test
    void keepsOnlyTheMostRecentButCountsAll() {
        RequestLog log = new RequestLog(3);
        for (int i = 0; i < 5; i++) {
            log.add(new RecordedRequest(Instant.now(), "GET", "/" + i, Map.of(), ""));
        }

        assertThat(log.count()).isEqualTo(5);
        assertThat(log.all()).extracting(RecordedRequest::rawPathAndQuery).containsExactly("/2", "/3", "/4");
    }

    @Test
    void maskKeepsTheLastFourOnly() {
        assertThat(Mask.token("abcdefgh1234")).isEqualTo("****1234");
        assertThat(Mask.token("abc")).isEqualTo("****");
        assertThat(Mask.token(null)).isEqualTo("****");
    }
}
