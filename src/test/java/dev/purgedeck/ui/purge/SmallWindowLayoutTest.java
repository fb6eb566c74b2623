package dev.purgedeck.ui.purge;

import static dev.purgedeck.testsupport.ConsoleHarness.inPurge;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.testsupport.SmallWindowTest;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** At 1024×700, the smallest supported window, the purge button and the hint beside it are shown whole. */
class SmallWindowLayoutTest extends SmallWindowTest {

    @Test
    void theHintByPurgeReadsAsASentenceNotAColumnOfLetters(FxRobot robot) {
        Labeled hint = (Labeled) inPurge(robot, "#purgeHint");
        assertThat(hint.getText()).isEqualTo("Add at least one valid URL.");

        assertShownWhole(hint, 2);
    }

    @Test
    void purgeEverythingIsNotCut(FxRobot robot) {
        robot.interact(() -> console.window().purge().modeProperty().set(PurgeMode.ALL));
        WaitForAsyncUtils.waitForFxEvents();
        Labeled purge = (Labeled) inPurge(robot, "#purgeButton");
        assertThat(purge.getText()).isEqualTo("Purge everything\u2026");

        assertShownWhole(purge, 1);
        assertShownWhole((Labeled) inPurge(robot, "#purgeHint"), 2);
        // A whole label must not push the sandbox cache beside the form out of the window.
        Node cache = robot.lookup("#sandboxCacheList").query();
        assertThat(cache.localToScene(cache.getLayoutBounds()).getMaxX()).isLessThanOrEqualTo(cache.getScene().getWidth());
    }

    /** The text drawn is the whole text (no ellipsis) on at most {@code lines} lines. */
    private static void assertShownWhole(Labeled labeled, int lines) {
        Text drawn = (Text) labeled.lookup(".text");
        assertThat(drawn.getText()).as("text drawn for %s", labeled.getId()).isEqualTo(labeled.getText());
        Text probe = new Text("Xg");
        probe.setFont(labeled.getFont());
        double lineHeight = probe.getLayoutBounds().getHeight();
        assertThat(drawn.getLayoutBounds().getHeight()).as("height of %s", labeled.getId())
                .isLessThan(lineHeight * (lines + 0.5));
    }
}
