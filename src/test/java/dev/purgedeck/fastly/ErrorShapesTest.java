package dev.purgedeck.fastly;

import static dev.purgedeck.testsupport.Clients.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.testsupport.CannedServer;
import dev.purgedeck.testsupport.Clients;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every error body shape Fastly has used (docs/fastly-api.md §8.2, §6, §9) parsed from a real HTTP answer. */
class ErrorShapesTest {
    private static final String TOKEN = "secretTokenValue0123456789abcdef";

    private static FastlyApiException errorFor(int status, String type, String body, Map<String, String> headers) {
        try (CannedServer s = CannedServer.answering(status, type, body, headers)) {
            FastlyClient c = Clients.client(s.baseUri(), TOKEN, RetryPolicy.NONE);
            return (FastlyApiException) failure(c.purgeAll("kKJb5bOFI47uHeBVluGfX1", PurgeOptions.HARD));
        }
    }

    @Test
    void legacyMsgAndDetail() {
        FastlyApiException e = errorFor(404, "application/json",
                "{\"msg\":\"Record not found\",\"detail\":\"Cannot find 'service'\"}", Map.of());
        assertThat(e.kind()).isEqualTo(FastlyApiException.Kind.NOT_FOUND);
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.title()).isEqualTo("Record not found");
        assertThat(e.detail()).isEqualTo("Cannot find 'service'");
        assertThat(e.userMessage()).contains("could not find that service");
    }

    @Test
    void jsonApiErrorsArray() {
        FastlyApiException e = errorFor(400, "application/vnd.api+json",
                "{\"errors\":[{\"title\":\"Not found\",\"detail\":\"The subscription you requested was not found\"}]}", Map.of());
        assertThat(e.title()).isEqualTo("Not found");
        assertThat(e.detail()).isEqualTo("The subscription you requested was not found");
        assertThat(e.userMessage()).startsWith("Fastly refused the request: Not found");
    }

    @Test
    void problemJson() {
        FastlyApiException e = errorFor(422, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Version locked\",\"status\":422,\"detail\":\"Version 3 is locked\"}", Map.of());
        assertThat(e.title()).isEqualTo("Version locked");
        assertThat(e.detail()).isEqualTo("Version 3 is locked");
        assertThat(e.kind()).isEqualTo(FastlyApiException.Kind.BAD_REQUEST);
    }

    @Test
    void cacheNodeStatusFailReason() {
        FastlyApiException e = errorFor(400, "application/json",
                "{\"status\": \"fail\", \"reason\": \"Batch surrogate key request only supports up to 256 surrogate keys\"}", Map.of());
        assertThat(e.title()).contains("256 surrogate keys");
        assertThat(e.userMessage()).contains("256 surrogate keys");
    }

    @Test
    void bodyThatIsNotJsonIsKeptAsDetail() {
        FastlyApiException e = errorFor(502, "text/html", "<html><body>Bad gateway</body></html>", Map.of());
        assertThat(e.kind()).isEqualTo(FastlyApiException.Kind.SERVER_ERROR);
        assertThat(e.title()).isEqualTo("Undefined error");
        assertThat(e.detail()).contains("Bad gateway");
        assertThat(e.userMessage()).contains("Fastly is unavailable right now (HTTP 502)");
    }

    @Test
    void emptyBody() {
        FastlyApiException e = errorFor(403, null, "", Map.of());
        assertThat(e.kind()).isEqualTo(FastlyApiException.Kind.FORBIDDEN);
        assertThat(e.userMessage()).contains("not allowed");
    }

    @Test
    void expiredTokenIsRecognisedAndTheTokenIsScrubbedFromTheText() {
        FastlyApiException e = errorFor(401, "application/json",
                "{\"msg\":\"Token " + TOKEN + " expired at 2021-09-28T02:03:37Z\"}", Map.of());
        assertThat(e.kind()).isEqualTo(FastlyApiException.Kind.TOKEN_EXPIRED);
        assertThat(e.getMessage()).doesNotContain(TOKEN).contains("expired at");
        assertThat(e.title()).doesNotContain(TOKEN);
        assertThat(e.userMessage()).contains("has expired");
    }

    @Test
    void rateLimitCarriesTheResetTimeAndSaysWhenToComeBack() {
        long reset = Instant.parse("2026-11-26T15:00:00Z").getEpochSecond();
        FastlyApiException e = errorFor(429, "application/json",
                "{\"msg\":\"You have exceeded your hourly rate limit. Please contact support@fastly.com if you think this is a mistake.\"}",
                Map.of("Fastly-RateLimit-Remaining", "0", "Fastly-RateLimit-Reset", Long.toString(reset)));
        assertThat(e.kind()).isEqualTo(FastlyApiException.Kind.RATE_LIMITED);
        assertThat(e.rateLimit().remaining()).hasValue(0);
        assertThat(e.rateLimit().reset()).contains(Instant.ofEpochSecond(reset));
        assertThat(e.userMessage(ZoneOffset.UTC)).isEqualTo("Fastly's rate limit was reached. You can purge again after 15:00.");
    }
}
