package dev.purgedeck.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.testsupport.ConsoleTest;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The main window opens headless on the sandbox, says where it is connected, and offers every screen. */
class MainWindowTest extends ConsoleTest {
    @Test
    void showsTheSandboxBadgeEndpointAndEveryScreen(FxRobot robot) {
        assertThat(robot.lookup("#endpointBadge").queryAs(Label.class).getText()).isEqualTo("Sandbox");
        assertThat(robot.lookup("#endpointUrl").queryAs(Label.class).getText()).isEqualTo(SANDBOX.server().baseUri().toString());
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("Purge", "History", "Key sets", "Settings");
        assertThat(robot.listWindows()).anyMatch(w -> w.isShowing());
    }
}
