package dev.purgedeck.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.testsupport.ConsoleTest;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The main window opens headless on the sandbox, says where it is connected, and offers every screen. */
class MainViewTest extends ConsoleTest {
    @Test
    void showsTheSandboxBadgeEndpointAndEveryScreen(FxRobot robot) {
        assertThat(robot.lookup("#endpointBadge").queryAs(Label.class).getText()).isEqualTo("Sandbox");
        assertThat(robot.lookup("#endpointUrl").queryAs(Label.class).getText()).isEqualTo(SANDBOX.server().baseUri().toString());
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("Purge", "History", "Key sets", "Settings");
        assertThat(console.shell().root().getScene().getWindow().isShowing()).isTrue();
        // Every screen opens from its tab and shows its own view, which is built when first opened.
        String[][] screens = {{"#tabHistory", "#historyView"}, {"#tabKeySets", "#keySetsView"},
            {"#tabSettings", "#settingsView"}, {"#tabPurge", "#purgeView"}};
        for (String[] screen : screens) {
            robot.clickOn(screen[0]);
            WaitForAsyncUtils.waitForFxEvents();
            Node view = robot.lookup(screen[1]).query();
            assertThat(view.isVisible() && view.getScene() != null).as(screen[1]).isTrue();
            assertThat(tabs.getSelectionModel().getSelectedItem().getContent().lookup(screen[1])).as(screen[1]).isSameAs(view);
        }
    }
}
