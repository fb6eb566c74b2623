package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.JobResult;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.testsupport.CannedServer;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a job the notice's delivery is recorded as the job's notice note: "sent" or the failure in plain words. */
class TeamNoticesTest {
    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
    @TempDir
    Path dir;

    private TeamNotices notices(Optional<String> url) {
        return new TeamNotices(profile -> "production".equals(profile) ? url : Optional.empty(),
                new Webhook(HttpClient.newHttpClient(), Duration.ofSeconds(5)), JobNotes.in(dir), Runnable::run,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static JobResult job() {
        ItemOutcome ok = new ItemOutcome(0, PurgeKind.KEY, "homepage", ItemOutcome.Status.OK, "1-2-3", 200, 1,
                Duration.ZERO, null, null, NOW);
        return new JobResult("job7", JobRequest.keys("7kQm2XvR9tLp4WnB8cYd3F", List.of("homepage"), PurgeOptions.HARD, 4), List.of(ok),
                Duration.ofSeconds(1));
    }

    private static JobContext context() {
        return new JobContext("job7", "production", "fastly", "https://api.fastly.com", "7kQm2XvR9tLp4WnB8cYd3F", "Daily Courier",
                false, "production", "alice", "1.0");
    }

    @Test
    void aDeliveredNoticeIsNotedAsSent() throws Exception {
        try (CannedServer hook = CannedServer.answering(204, null, "", Map.of())) {
            Optional<String> problem = notices(Optional.of(hook.baseUri() + "/hook/SECRET")).send(context(), job())
                    .get();

            assertThat(problem).isEmpty();
            assertThat(JobNotes.in(dir).index().ofJob("job7", JobNote.NOTICE)).get()
                    .extracting(JobNote::text, JobNote::time).containsExactly(TeamNotices.SENT, NOW);
        }
    }

    @Test
    void aFailedNoticeIsNotedInPlainWordsWithoutTheAddress() throws Exception {
        try (CannedServer hook = CannedServer.answering(500, "text/plain", "down", Map.of())) {
            Optional<String> problem = notices(Optional.of(hook.baseUri() + "/hook/SECRET")).send(context(), job())
                    .get();

            assertThat(problem).contains("Team notice not sent: the webhook answered HTTP 500.");
            assertThat(JobNotes.in(dir).index().ofJob("job7", JobNote.NOTICE)).get().extracting(JobNote::text)
                    .isEqualTo("Team notice not sent: the webhook answered HTTP 500.");
            assertThat(Files.readString(dir.resolve(JobNotes.FILE_NAME))).doesNotContain("SECRET");
        }
    }

    @Test
    void aProfileWithoutAWebhookSendsNothingAndNotesNothing() throws Exception {
        assertThat(notices(Optional.empty()).send(context(), job()).get()).isEmpty();
        assertThat(dir.resolve(JobNotes.FILE_NAME)).doesNotExist();
    }

    @Test
    void aTestNoticeSaysInPlainWordsWhetherItWasSent() throws Exception {
        try (CannedServer ok = CannedServer.answering(200, null, "", Map.of());
             CannedServer gone = CannedServer.answering(404, "text/plain", "no_team", Map.of())) {
            assertThat(notices(Optional.empty()).test(ok.baseUri() + "/hook", "production").get())
                    .isEqualTo("The test notice was sent: look for it in the channel.");
            assertThat(notices(Optional.empty()).test(gone.baseUri() + "/hook", "production").get())
                    .isEqualTo("The test notice was not sent: the webhook answered HTTP 404.");
        }
    }
}
