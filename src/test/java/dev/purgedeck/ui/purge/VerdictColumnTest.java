package dev.purgedeck.ui.purge;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.edge.Freshness;
import dev.purgedeck.edge.PageVerdict;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.JobNotes;
import dev.purgedeck.settings.Pref;
import dev.purgedeck.testsupport.ConsoleTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Verify switch and the Verdict column through the real window, against the sandbox edge. */
class VerdictColumnTest extends ConsoleTest {
    private static final String NEWS = "https://www.dailycourier.example/news";

    private void purge(FxRobot robot, String text) {
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        robot.interact(() -> robot.lookup("#urlInput").queryAs(TextArea.class).setText(text));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        console.awaitJobEnd();
    }

    @Test
    void aVerifiedUrlPurgeShowsItsVerdictAfterItsOutcome(FxRobot robot) {
        assertThat(robot.lookup("#verifyToggle").queryAs(ToggleSwitch.class).isSelected()).as("on by default").isTrue();
        purge(robot, NEWS);
        assertThat(ResultsTableTest.rendered(robot, "outcomeColumn", 0)).isEqualTo("Removed");
        waitUntil(() -> ResultsTableTest.rendered(robot, "verdictColumn", 0).equals("Fresh"));
        robot.interact(() -> robot.lookup("#resultsTable").queryAs(TableView.class).getSelectionModel().select(0));
        waitUntil(() -> robot.lookup("#resultDetails").queryAs(Label.class).getText().contains("Verdict: Fresh — "));
        // The history line was written with the outcome; the verdict follows as a note on it, merged by readers.
        waitUntil(() -> historyVerdicts().equals(List.of("fresh")));
        assertThat(rawVerdicts()).containsExactly((String) null);
        // History shows it and filters on it.
        robot.clickOn("#tabHistory");
        TableView<?> history = robot.lookup("#historyTable").queryAs(TableView.class);
        robot.interact(() -> robot.lookup("#historyVerdict").queryAs(ChoiceBox.class).setValue(Freshness.OLD_COPY));
        waitUntil(() -> history.getItems().isEmpty());
        robot.interact(() -> robot.lookup("#historyVerdict").queryAs(ChoiceBox.class).setValue(Freshness.FRESH));
        waitUntil(() -> history.getItems().size() == 1);
        waitUntil(() -> robot.lookup("#historyTable .table-cell").queryAll().stream()
                .anyMatch(n -> n instanceof TableCell<?, ?> c && "Fresh".equals(c.getText())));
        // The details of the row say the verdict and why.
        robot.interact(() -> history.getSelectionModel().select(0));
        waitUntil(() -> robot.lookup("#historyItem").queryAs(Label.class).getText().contains("Verdict: Fresh ("));
    }

    private List<String> historyVerdicts() {
        try {
            return JobNotes.in(console.context().dataDir()).index()
                    .applyAll(console.context().history().load().entries()).stream().map(HistoryEntry::verdict)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> rawVerdicts() {
        try {
            return console.context().history().load().entries().stream().map(HistoryEntry::verdict).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void withVerifyOffTheChoiceIsRememberedAndNoVerdictShows(FxRobot robot) {
        robot.clickOn("#verifyToggle .thumb-area");
        assertThat(console.context().preferences().get(Pref.VERIFY)).isFalse();
        purge(robot, NEWS);
        assertThat(ResultsTableTest.rendered(robot, "outcomeColumn", 0)).isEqualTo("Removed");
        assertThat(console.window().purge().results().rows().get(0).verdictProperty().get()).isNull();
    }

    @Test
    void purgeAgainOnAnOldCopyUpdatesTheSameRow(FxRobot robot) {
        robot.clickOn("#verifyToggle .thumb-area"); // the old copy is told to the view model, not raced for
        purge(robot, NEWS);
        ResultsViewModel results = console.window().purge().results();
        String first = results.rows().get(0).purgeId();
        assertThat(robot.lookup("#purgeAgain").queryButton().isVisible()).isFalse();
        results.verdictArrived(new PageVerdict(0, NEWS, Freshness.OLD_COPY, "likely the shielding race",
                Optional.of(NEWS), Optional.empty(), Instant.now(), true));
        waitUntil(() -> ResultsTableTest.rendered(robot, "verdictColumn", 0).equals("Old copy still served"));
        robot.clickOn("#purgeAgain");
        console.awaitJobEnd();
        waitUntil(() -> !results.rows().get(0).purgeId().isEmpty() && !results.rows().get(0).purgeId().equals(first));
        assertThat(results.rows()).hasSize(1);
        assertThat(robot.lookup("#purgeAgain").queryButton().isVisible()).isFalse();
    }
}
