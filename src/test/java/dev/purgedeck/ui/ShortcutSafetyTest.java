package dev.purgedeck.ui;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.sandbox.CachedObject;
import dev.purgedeck.testsupport.ConsoleTest;
import dev.purgedeck.testsupport.Sandboxes;
import dev.purgedeck.ui.purge.PurgeMode;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Shortcuts that send purges act only where the user sees what they send. */
class ShortcutSafetyTest extends ConsoleTest {
    private long purgesSent() {
        return SANDBOX.server().requests().all().stream().filter(r -> r.method().equals("POST")).count();
    }

    private String selectedTab(FxRobot robot) {
        return robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId();
    }

    private void pressCtrl(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void ctrlEnterOnAnotherScreenBringsTheConsoleForwardAndSendsNothing(FxRobot robot) {
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        CachedObject object = Sandboxes.object(SANDBOX.server(), SANDBOX.service(), o -> !o.url().contains("?"));
        robot.interact(() -> robot.lookup("#urlInput").queryAs(TextArea.class).setText(object.url()));
        for (String tab : new String[] {"#tabSettings", "#tabHistory", "#tabKeySets"}) {
            robot.clickOn(tab);
            WaitForAsyncUtils.waitForFxEvents();
            pressCtrl(robot, KeyCode.ENTER);
            assertThat(selectedTab(robot)).as(tab).isEqualTo("tabPurge");
            assertThat(console.window().purge().results().runningProperty().get()).as(tab).isFalse();
            assertThat(purgesSent()).as(tab).isZero();
        }
        // On the console, where the URL is in view, the same shortcut sends it.
        pressCtrl(robot, KeyCode.ENTER);
        console.awaitJobEnd();
        assertThat(purgesSent()).isEqualTo(1);
    }

    @Test
    void ctrlDigitsOpenTheConsoleInTheirModeFromAnyScreen(FxRobot robot) {
        Object[][] cases = {{"#tabSettings", KeyCode.DIGIT2, PurgeMode.KEYS}, {"#tabHistory", KeyCode.DIGIT1, PurgeMode.URLS},
            {"#tabKeySets", KeyCode.DIGIT3, PurgeMode.ALL}, {"#tabSettings", KeyCode.DIGIT1, PurgeMode.URLS}};
        for (Object[] c : cases) {
            robot.clickOn((String) c[0]);
            WaitForAsyncUtils.waitForFxEvents();
            pressCtrl(robot, (KeyCode) c[1]);
            assertThat(selectedTab(robot)).as(c[0] + " " + c[1]).isEqualTo("tabPurge");
            assertThat(console.window().purge().modeProperty().get()).as(c[0] + " " + c[1]).isEqualTo(c[2]);
        }
        assertThat(purgesSent()).isZero();
    }
}
