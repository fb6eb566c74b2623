package dev.purgedeck.ui.purge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.testsupport.ConsoleTest;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The console's soft switch is a choice for this session; only Settings changes the default. */
class SoftSwitchTest extends ConsoleTest {
    @Test
    void theConsoleSwitchLeavesTheDefaultInSettingsAlone(FxRobot robot) {
        robot.clickOn("#softToggle .thumb-area");
        assertThat(robot.lookup("#softToggle").queryAs(ToggleSwitch.class).isSelected()).isTrue();
        robot.clickOn("#tabSettings");
        robot.interact(() -> robot.lookup("#settingsView").queryAs(ScrollPane.class).setVvalue(1.0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settingSoftSelected(robot)).isFalse();
        assertThat(console.context().settings().get().defaultSoft()).isFalse();
        // Back on the console the session's choice holds.
        robot.clickOn("#tabPurge");
        assertThat(robot.lookup("#softToggle").queryAs(ToggleSwitch.class).isSelected()).isTrue();
    }

    private static boolean settingSoftSelected(FxRobot robot) {
        return robot.lookup("#settingSoft").queryAs(CheckBox.class).isSelected();
    }
}
