package dev.purgedeck.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.history.JobNotes;
import dev.purgedeck.history.TeamNotices;
import dev.purgedeck.history.Webhook;
import dev.purgedeck.settings.WebhookStore;
import dev.purgedeck.testsupport.CannedServer;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Settings' Team notices: the address checked at the field, a test notice answered in plain words, Save owner-only. */
@ExtendWith(ApplicationExtension.class)
class TeamNoticeSectionTest {
    private Path dir;
    private TeamNoticeViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("purgedeck-notice-settings");
        vm = model(dir, javafx.application.Platform::runLater);
        stage.setScene(new Scene(new TeamNoticeSection(vm).root(), 900, 300));
        stage.show();
    }

    private static TeamNoticeViewModel model(Path dir) {
        return model(dir, Runnable::run);
    }

    private static TeamNoticeViewModel model(Path dir, java.util.concurrent.Executor fx) {
        TeamNotices notices = new TeamNotices(p -> java.util.Optional.empty(),
                new Webhook(HttpClient.newHttpClient(), Duration.ofSeconds(5)), JobNotes.in(dir), Runnable::run,
                Clock.systemUTC());
        return new TeamNoticeViewModel(new WebhookStore(dir), notices, "production", Runnable::run, fx);
    }

    private void type(FxRobot robot, String url) {
        robot.interact(() -> robot.lookup("#webhookUrl").queryAs(PasswordField.class).setText(url));
    }

    @Test
    void anAddressThatWouldSendTheSecretInClearIsRefusedAtTheField(FxRobot robot) {
        type(robot, "http://hooks.example.invalid/services/T0");

        Label problem = robot.lookup("#webhookUrlMessage").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).contains("must start with https://");
        assertThat(robot.lookup("#webhookSave").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#webhookTest").queryAs(Button.class).isDisabled()).isTrue();

        type(robot, "https://hooks.example.invalid/services/T0");
        assertThat(problem.isVisible()).isFalse();
        assertThat(robot.lookup("#webhookSave").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void sendTestNoticeReachesTheWebhookAndSaysSo(FxRobot robot) throws Exception {
        CompletableFuture<String> received = new CompletableFuture<>();
        try (CannedServer hook = CannedServer.handling(ex -> {
            received.complete(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        })) {
            type(robot, hook.baseUri() + "/hook");
            robot.clickOn("#webhookTest");

            assertThat(received.get(10, TimeUnit.SECONDS)).contains("a test notice from profile production");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#webhookMessage").queryAs(Label.class)
                    .getText().equals("The test notice was sent: look for it in the channel."));
            assertThat(dir.resolve(WebhookStore.FILE_NAME)).doesNotExist(); // a test saves nothing
        }
    }

    @Test
    void saveKeepsTheAddressOwnerOnlyAndItIsThereNextTime() throws Exception {
        Path data = Files.createTempDirectory("purgedeck-notice-vm");
        TeamNoticeViewModel model = model(data);
        model.urlProperty().set("https://hooks.example.invalid/services/T0/B1/SECRET");
        model.save().join();

        assertThat(model.messageProperty().get()).startsWith("Saved: after each purge with profile production")
                .doesNotContain("SECRET");
        Path file = data.resolve(WebhookStore.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        TeamNoticeViewModel again = model(data);
        again.load().join();
        assertThat(again.urlProperty().get()).isEqualTo("https://hooks.example.invalid/services/T0/B1/SECRET");

        again.urlProperty().set("");
        again.save().join();
        assertThat(new WebhookStore(data).get("production")).isEmpty();
    }
}
