package dev.purgedeck.ui.purge;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.sandbox.FaultSettings;
import dev.purgedeck.testsupport.ConsoleTest;
import dev.purgedeck.testsupport.Sandboxes;
import java.time.Duration;
import java.time.LocalTime;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** While Fastly asks to wait (429 with Retry-After), the window says so and when it sends again. */
class RateLimitProgressTest extends ConsoleTest {
    @AfterEach
    void noFaults() {
        SANDBOX.server().clearFaults();
    }

    @Test
    void thePauseIsShownUnderTheProgressWithTheTimeSendingResumes(FxRobot robot) {
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        String url = Sandboxes.object(SANDBOX.server(), SANDBOX.service(), o -> !o.url().contains("?")).url();
        SANDBOX.server().setFaults(FaultSettings.none().withRateLimitAfter(0, Duration.ofHours(1)).withRetryAfter(8));
        robot.clickOn("#urlInput").write(url);
        LocalTime before = LocalTime.now().withNano(0);
        robot.clickOn("#purgeButton");

        Label detail = robot.lookup("#progressDetail").queryAs(Label.class);
        waitUntil(() -> detail.isVisible() && detail.getText().startsWith("Fastly asked us to wait 8 s \u2014 resuming at "));
        LocalTime resumes = LocalTime.parse(detail.getText().substring(detail.getText().length() - 8));
        LocalTime after = LocalTime.now().withNano(0).plusSeconds(1);
        // Local time of day, eight seconds after the 429 came back (a job of one item shows no rate).
        assertThat(Duration.between(before.plusSeconds(8), resumes).toSeconds()).isBetween(0L,
                Duration.between(before, after).toSeconds());
        assertThat(robot.lookup("#progressText").queryAs(Label.class).getText()).isEqualTo("0 / 1");

        // Esc cancels during the pause; the words go with the job.
        robot.type(KeyCode.ESCAPE);
        console.awaitJobEnd();
        assertThat(detail.isVisible()).isFalse();
    }
}
