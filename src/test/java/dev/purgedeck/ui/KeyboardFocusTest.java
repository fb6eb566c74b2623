package dev.purgedeck.ui;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.testsupport.ConsoleTest;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The console can be used with the keyboard alone: the cursor starts in the URLs and Tab leaves them. */
class KeyboardFocusTest extends ConsoleTest {
    private static String focused(FxRobot robot) {
        Node owner = robot.lookup("#urlInput").query().getScene().getFocusOwner();
        return owner == null ? "" : String.valueOf(owner.getId());
    }

    @Test
    void theCursorStartsInTheUrlsAndTabMovesOnWithoutTypingATab(FxRobot robot) {
        waitUntil(() -> focused(robot).equals("urlInput"));
        TextArea urls = robot.lookup("#urlInput").queryAs(TextArea.class);
        robot.write("https://www.example.com/a");
        robot.type(KeyCode.TAB);
        waitUntil(() -> !focused(robot).equals("urlInput"));
        assertThat(urls.getText()).isEqualTo("https://www.example.com/a");
        robot.clickOn(urls);
        robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
        waitUntil(() -> !focused(robot).equals("urlInput"));
        robot.clickOn(urls);
        robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        assertThat(urls.getText()).doesNotContain("\t").isEqualTo("https://www.example.com/a");
    }

    @Test
    void aShortcutFromAnotherScreenPutsTheCursorInTheConsolesInput(FxRobot robot) {
        robot.clickOn("#tabSettings");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> focused(robot).equals("urlInput"));
        robot.clickOn("#tabSettings");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> focused(robot).equals("keyInput"));
    }
}
