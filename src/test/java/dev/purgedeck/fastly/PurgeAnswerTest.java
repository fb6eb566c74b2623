package dev.purgedeck.fastly;

import static dev.purgedeck.testsupport.Clients.await;
import static dev.purgedeck.testsupport.Clients.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.testsupport.CannedServer;
import dev.purgedeck.testsupport.Clients;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The purge ID read from each shape a purge answer may take, over real HTTP (the ID is what the history records). */
class PurgeAnswerTest {
    private static PurgeResponse purged(String body) throws Throwable {
        try (CannedServer s = CannedServer.answering(200, "application/json", body, Map.of())) {
            FastlyClient c = Clients.client(s.baseUri(), "secretTokenValue0123456789abcdef", RetryPolicy.NONE);
            return await(c.purgeUrl("https://www.example.com/a", PurgeOptions.HARD));
        }
    }

    @Test
    void theIdOfFastlysAnswerWhereverItStands() throws Throwable {
        assertThat(purged("{\"status\": \"ok\", \"id\": \"1234-1717171717-42\"}").purgeId())
                .isEqualTo("1234-1717171717-42");
        assertThat(purged("{\"id\":\"7-8\",\"extra\":{\"id\":\"nested\",\"list\":[1,{\"id\":2}]},\"status\":\"ok\"}")
                .purgeId()).isEqualTo("7-8");
        assertThat(purged("{\"id\":123}").purgeId()).isEqualTo("123");
    }

    @Test
    void noIdWhenItIsMissingOrNullOrTheAnswerIsNoObject() throws Throwable {
        assertThat(purged("{\"status\":\"ok\"}").purgeId()).isNull();
        assertThat(purged("{\"status\":\"ok\",\"id\":null}").purgeId()).isNull();
        assertThat(purged("[\"id\",\"1-2\"]").purgeId()).isNull();
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnreadableAnswer() {
        try (CannedServer s = CannedServer.answering(200, "text/html", "<html>ok</html>", Map.of())) {
            FastlyClient c = Clients.client(s.baseUri(), "secretTokenValue0123456789abcdef", RetryPolicy.NONE);
            FastlyApiException e = (FastlyApiException) failure(c.purgeUrl("https://www.example.com/a",
                    PurgeOptions.HARD));
            assertThat(e.kind()).isEqualTo(FastlyApiException.Kind.INVALID_RESPONSE);
        }
        try (CannedServer s = CannedServer.answering(200, "application/json", "{\"id\":\"1-2\"", Map.of())) {
            FastlyClient c = Clients.client(s.baseUri(), "secretTokenValue0123456789abcdef", RetryPolicy.NONE);
            FastlyApiException e = (FastlyApiException) failure(c.purgeUrl("https://www.example.com/a",
                    PurgeOptions.HARD));
            assertThat(e.kind()).isEqualTo(FastlyApiException.Kind.INVALID_RESPONSE);
        }
    }
}
