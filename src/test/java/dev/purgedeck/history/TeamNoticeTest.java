package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purgedeck.fastly.FastlyApiException;
import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.JobResult;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.testsupport.CannedServer;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Team notices: what they say, and that a failing webhook is reported, never thrown. */
class TeamNoticeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Webhook hook = new Webhook(HttpClient.newHttpClient(), Duration.ofMillis(500));

    private static JobResult keysJob() {
        Instant t = Instant.parse("2026-12-01T09:12:00Z");
        List<ItemOutcome> items = List.of(
                new ItemOutcome(0, PurgeKind.KEY, "homepage", ItemOutcome.Status.OK, "1-2-3", 200, 1,
                        Duration.ZERO, null, null, t),
                new ItemOutcome(1, PurgeKind.KEY, "sport", ItemOutcome.Status.FAILED, null, 503, 3,
                        Duration.ZERO, "Fastly is unavailable", FastlyApiException.Kind.SERVER_ERROR, t));
        return new JobResult("job1", JobRequest.keys("7kQm2XvR9tLp4WnB8cYd3F", List.of("homepage", "sport"), PurgeOptions.SOFT, 4),
                items, Duration.ofSeconds(1));
    }

    private static JobContext context() {
        return new JobContext("job1", "production", "fastly", "https://api.fastly.com", "7kQm2XvR9tLp4WnB8cYd3F", "Daily Courier",
                true, "production", "alice", "1.0");
    }

    @Test
    void theNoticeSaysWhoWhatWhereSoftCountPurgeIdsAndFailures() {
        String text = TeamNotice.text(context(), keysJob());

        assertThat(text).startsWith("PurgeDeck: alice purged 2 keys (soft) on Daily Courier (7kQm2XvR9tLp4WnB8cYd3F) with profile "
                + "production: 1 purged, 1 failed. Purge IDs: 1-2-3.");
        assertThat(text).contains("\n• sport: Fastly is unavailable");
    }

    @Test
    void aWorkingWebhookGetsTheNoticeAsSlackStyleJson() throws Exception {
        CompletableFuture<String> received = new CompletableFuture<>();
        try (CannedServer receiver = CannedServer.handling(ex -> {
            received.complete(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        })) {
            String json = TeamNotice.json(MAPPER, TeamNotice.text(context(), keysJob()));
            Optional<String> problem = hook.send(receiver.baseUri() + "/hook", json).get(10, TimeUnit.SECONDS);

            assertThat(problem).isEmpty();
            JsonNode body = MAPPER.readTree(received.get(10, TimeUnit.SECONDS));
            assertThat(body.path("text").asText()).contains("Purge IDs: 1-2-3");
        }
    }

    @Test
    void aRefusingWebhookIsReportedPlainly() throws Exception {
        try (CannedServer receiver = CannedServer.answering(404, "text/plain", "no_team", java.util.Map.of())) {
            Optional<String> problem = hook.send(receiver.baseUri() + "/secret-path", "{}").get(10, TimeUnit.SECONDS);

            assertThat(problem).hasValue("Team notice not sent: the webhook answered HTTP 404.");
        }
    }

    @Test
    void aHangingWebhookTimesOutWithoutBlockingTheCaller() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (CannedServer receiver = CannedServer.handling(ex -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        })) {
            CompletableFuture<Optional<String>> pending = hook.send(receiver.baseUri() + "/hook", "{}");
            assertThat(pending).isNotDone();

            assertThat(pending.get(10, TimeUnit.SECONDS)).hasValue(
                    "Team notice not sent: the webhook did not answer within 500 ms.");
        } finally {
            release.countDown();
        }
    }

    @Test
    void anAddressThatWouldSendTheSecretInTheClearIsRefused() throws Exception {
        assertThat(Webhook.problem("http://hooks.slack.invalid/services/x")).isPresent();
        assertThat(Webhook.problem("not a url")).isPresent();
        assertThat(Webhook.problem("https://hooks.slack.invalid/services/x")).isEmpty();
        assertThat(hook.send("ftp://x.invalid/", "{}").get(1, TimeUnit.SECONDS)).get().asString()
                .startsWith("Team notice not sent: The webhook address must start with https://");
    }
}
