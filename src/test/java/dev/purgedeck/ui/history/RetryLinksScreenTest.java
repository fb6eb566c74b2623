package dev.purgedeck.ui.history;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.sandbox.FaultSettings;
import dev.purgedeck.testsupport.ConsoleTest;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Retry failed is recorded as a retry of its job: History's details link both jobs and the item purged later. */
class RetryLinksScreenTest extends ConsoleTest {
    @AfterEach
    void noFaults() {
        SANDBOX.server().clearFaults();
    }

    private TableView<HistoryEntry> table(FxRobot robot) {
        return robot.lookup("#historyTable").queryTableView();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void select(FxRobot robot, HistoryEntry e) {
        robot.interact(() -> {
            table(robot).getSelectionModel().clearSelection();
            table(robot).getSelectionModel().select(e);
        });
    }

    @Test
    void theRetryAndTheJobItRetriedNameEachOther(FxRobot robot) {
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        // One request gets through, then every request meets a 429 longer than the client waits for.
        SANDBOX.server().setFaults(FaultSettings.none().withRateLimitAfter(1, Duration.ofMinutes(10)));
        robot.interact(() -> robot.lookup("#urlInput").queryAs(TextArea.class).setText(
                "https://www.example.com/a\nhttps://www.example.com/b"));
        robot.clickOn("#purgeButton");
        console.awaitJobEnd();
        SANDBOX.server().clearFaults();
        robot.clickOn("#retryFailed");
        console.awaitJobEnd();

        robot.clickOn("#tabHistory");
        waitUntil(() -> table(robot).getItems().size() == 3);
        HistoryEntry failed = table(robot).getItems().stream()
                .filter(e -> e.outcome() == HistoryEntry.Outcome.FAILED).findFirst().orElseThrow();
        HistoryEntry retried = table(robot).getItems().stream()
                .filter(e -> e.retryOf() != null).findFirst().orElseThrow();
        assertThat(retried.retryOf()).isEqualTo(failed.jobId());
        assertThat(retried.target()).isEqualTo(failed.target());
        String firstJob = failed.jobId().substring(0, 8);
        String retryJob = retried.jobId().substring(0, 8);

        select(robot, failed);
        assertThat(text(robot, "#historyItem")).contains("Purged later by job " + retryJob + " (");
        assertThat(text(robot, "#historyJob")).contains("\nRetried by job " + retryJob + " (")
                .doesNotContain("Retry of");

        select(robot, retried);
        assertThat(text(robot, "#historyJob")).contains("\nRetry of job " + firstJob + " (")
                .doesNotContain("Retried by");
        assertThat(text(robot, "#historyItem")).doesNotContain("Purged later");
    }
}
