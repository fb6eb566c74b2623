package dev.purgedeck.ui.purge;

import static dev.purgedeck.testsupport.ConsoleHarness.inPurge;
import static dev.purgedeck.testsupport.ConsoleHarness.resize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.settings.Pref;
import dev.purgedeck.testsupport.ConsoleTest;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Inputs and results get the room they need, and the splitter between them moves and stays where it is put. */
class InputRoomTest extends ConsoleTest {

    @AfterEach
    void usualWindow(FxRobot robot) {
        resize(robot, 1240, 800);
    }

    private void setUrls(FxRobot robot, int invalid) {
        String text = "https://www.example.com/ok\n" + IntStream.range(0, invalid).mapToObj(i -> "not a url " + i)
                .collect(Collectors.joining("\n"));
        robot.interact(() -> console.window().purge().urls().textProperty().set(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theInvalidLinesShowAtLeastThreeLinesAtTheSmallestSizeAndScrollBeyondSix(FxRobot robot) {
        resize(robot, 1024, 700);
        setUrls(robot, 4);
        ListView<?> issues = (ListView<?>) inPurge(robot, "#urlIssues");
        assertThat(issues.getHeight()).isGreaterThanOrEqualTo(3 * issues.getFixedCellSize());
        // The URL box above keeps three lines too.
        assertThat(inPurge(robot, "#urlInput").getLayoutBounds().getHeight()).isGreaterThanOrEqualTo(72);

        setUrls(robot, 12);
        assertThat(issues.getItems()).hasSize(12);
        assertThat(issues.getHeight()).isLessThan(12 * issues.getFixedCellSize());
        assertThat(issues.getHeight()).isGreaterThanOrEqualTo(3 * issues.getFixedCellSize());
    }

    @Test
    void theSandboxCacheSummaryIsNotCutAtTheSmallestSize(FxRobot robot) {
        resize(robot, 1024, 700);
        Labeled summary = robot.lookup("#sandboxCacheSummary").queryAs(Labeled.class);
        dev.purgedeck.testsupport.ConsoleHarness.waitUntil(() -> summary.getText().contains("objects"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((Text) summary.lookup(".text")).getText()).isEqualTo(summary.getText());
    }

    @Test
    void theSplitterMovesGivesTheKeysRoomAndIsRemembered(FxRobot robot) {
        robot.interact(() -> {
            console.window().purge().modeProperty().set(PurgeMode.KEYS);
            console.window().purge().keys().addAll(IntStream.range(0, 300).mapToObj(i -> "article-" + i).toList());
        });
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> keys = (ListView<?>) inPurge(robot, "#keyList");
        SplitPane work = (SplitPane) robot.from(robot.lookup("#purgeView").<Node>query())
                .lookup((Node n) -> n instanceof SplitPane s && s.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                .query();
        double before = work.getDividers().get(0).getPosition();
        double listBefore = keys.getHeight();
        // The split pane's own divider, not the one between the form and the sandbox cache inside it.
        Node divider = work.getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("split-pane-divider")).findFirst().orElseThrow();
        Bounds b = divider.localToScreen(divider.getLayoutBounds());
        robot.drag(new Point2D(b.getCenterX(), b.getCenterY()), MouseButton.PRIMARY).moveBy(0, 80).moveBy(0, 80).drop();
        WaitForAsyncUtils.waitForFxEvents();

        double after = work.getDividers().get(0).getPosition();
        assertThat(after).isGreaterThan(before + 0.1);
        assertThat(keys.getHeight()).isGreaterThan(listBefore + 120);
        // About eight rows of keys now show (dense rows are under 30 px).
        assertThat(keys.getHeight()).isGreaterThanOrEqualTo(8 * 28);
        assertThat(console.context().preferences().get(Pref.RESULTS_SPLIT)).isEqualTo(after);
    }
}
