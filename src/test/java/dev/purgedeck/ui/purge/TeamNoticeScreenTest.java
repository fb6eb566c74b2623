package dev.purgedeck.ui.purge;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.history.JobNote;
import dev.purgedeck.history.JobNotes;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.settings.TokenOwners;
import dev.purgedeck.settings.WebhookStore;
import dev.purgedeck.testsupport.CannedServer;
import dev.purgedeck.testsupport.ConsoleTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * After a console purge the profile's webhook hears a notice; a failing one shows in the console, the purge is ok. The
 * token owner's e-mail Fastly names is kept for the profile's team rows.
 */
class TeamNoticeScreenTest extends ConsoleTest {
    private void purge(FxRobot robot, String url) {
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        robot.clickOn("#tabPurge");
        robot.interact(() -> robot.lookup("#urlInput").queryAs(TextArea.class).setText(url));
        robot.clickOn("#purgeButton");
        console.awaitJobEnd();
    }

    private String profile() {
        return console.context().session().origin().profile();
    }

    @Test
    void theWebhookHearsTheJobWithoutTheToken(FxRobot robot) throws Exception {
        CompletableFuture<String> received = new CompletableFuture<>();
        try (CannedServer hook = CannedServer.handling(ex -> {
            received.complete(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        })) {
            new WebhookStore(dataDir).set(profile(), hook.baseUri() + "/hook");

            purge(robot, "https://www.example.com/notice");

            String body = received.get(20, TimeUnit.SECONDS);
            assertThat(body).contains("purged 1 URL (hard)").contains("1 purged, 0 failed")
                    .doesNotContain(DemoAccount.GLOBAL_TOKEN);
        }
    }

    @Test
    void aFailingWebhookShowsInTheConsoleAndThePurgeStillSucceeds(FxRobot robot) throws Exception {
        try (CannedServer hook = CannedServer.answering(500, "text/plain", "down", Map.of())) {
            new WebhookStore(dataDir).set(profile(), hook.baseUri() + "/hook");

            purge(robot, "https://www.example.com/notice2");

            // Said on the job's own summary line, and kept with the job for History (the job notes).
            waitUntil(() -> robot.lookup("#resultSummary").queryAs(Label.class).getText()
                    .equals("1 purged, 0 failed · Team notice not sent: the webhook answered HTTP 500."));
            String jobId = console.context().history().load().entries().get(0).jobId();
            assertThat(JobNotes.in(dataDir).index().ofJob(jobId, JobNote.NOTICE)).get().extracting(JobNote::text)
                    .isEqualTo("Team notice not sent: the webhook answered HTTP 500.");
        }
    }

    @Test
    void theTokenOwnersEmailFromFastlyIsKeptForTheProfilesTeamRows() {
        // The sandbox answers GET /current_user as Fastly does, with the user's login (an e-mail address).
        waitUntil(() -> new TokenOwners(dataDir).email(profile()).isPresent());
        assertThat(new TokenOwners(dataDir).email(profile())).contains("dana@purgedeck.example");
    }
}
