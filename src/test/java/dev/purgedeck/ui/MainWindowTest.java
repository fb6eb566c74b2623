package dev.purgedeck.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.app.AppContext;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.testsupport.Sandboxes;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The main window opens headless on the sandbox and says where it is connected. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    static Path dataDir;
    private SandboxServer sandbox;
    private AppContext context;

    @Start
    void start(Stage stage) {
        sandbox = Sandboxes.start();
        context = AppContext.onSandbox(sandbox, DemoAccount.GLOBAL_TOKEN, dataDir, Map.of());
        stage.setScene(new Scene(new MainWindow(context).root(), 900, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        context.close();
        sandbox.close();
    }

    @Test
    void showsTheSandboxBadgeAndEndpoint(FxRobot robot) {
        assertThat(robot.lookup("#endpointBadge").queryAs(Label.class).getText()).isEqualTo("Sandbox");
        assertThat(robot.lookup("#endpointUrl").queryAs(Label.class).getText()).isEqualTo(sandbox.baseUri().toString());
        assertThat(robot.listWindows()).anyMatch(w -> w.isShowing());
    }
}
