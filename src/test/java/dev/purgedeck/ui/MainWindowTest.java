package dev.purgedeck.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.testsupport.ConsoleHarness;
import dev.purgedeck.testsupport.SandboxExtension;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The main window opens headless on the sandbox, says where it is connected, and offers every screen. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    @TempDir
    Path dataDir;
    private ConsoleHarness console;

    @Start
    void start(Stage stage) {
        console = ConsoleHarness.show(stage, SANDBOX.server(), DemoAccount.GLOBAL_TOKEN, dataDir, Map.of());
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void showsTheSandboxBadgeEndpointAndEveryScreen(FxRobot robot) {
        assertThat(robot.lookup("#endpointBadge").queryAs(Label.class).getText()).isEqualTo("Sandbox");
        assertThat(robot.lookup("#endpointUrl").queryAs(Label.class).getText()).isEqualTo(SANDBOX.server().baseUri().toString());
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("Purge", "History", "Key sets", "Settings");
        assertThat(robot.listWindows()).anyMatch(w -> w.isShowing());
    }
}
