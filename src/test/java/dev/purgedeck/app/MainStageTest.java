package dev.purgedeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.context.AppContext;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.settings.Pref;
import dev.purgedeck.testsupport.ConsoleHarness;
import dev.purgedeck.testsupport.SandboxExtension;
import dev.purgedeck.testsupport.ScriptedDialogs;
import dev.purgedeck.ui.ProfileShell;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window appears before the stores and the connection are open, showing that it is opening, then shows the
 * console in the same window; when opening fails it says why and lets the user quit. Its size comes from the
 * remembered preferences.
 */
@ExtendWith(ApplicationExtension.class)
class MainStageTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    @TempDir
    Path dataDir;
    private Stage stage;
    private MainStage window;
    private final CompletableFuture<AppContext> opening = new CompletableFuture<>();
    private final AtomicBoolean quit = new AtomicBoolean();
    private CompletableFuture<ProfileShell> shown;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppContext.Basics basics = AppContext.Basics.open(dataDir);
        basics.preferences().set(Pref.WINDOW_WIDTH, 1000.0);
        basics.preferences().set(Pref.WINDOW_HEIGHT, 700.0);
        window = new MainStage(stage, basics, Map.of());
        window.show();
        shown = window.open(opening, new ScriptedDialogs(), () -> quit.set(true));
    }

    @AfterEach
    void close() {
        if (window.context() != null) {
            window.context().close();
        }
    }

    @Test
    void showsTheWindowWhileOpeningThenTheConsoleInIt(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).isEqualTo("PurgeDeck");
        assertThat(stage.getScene().getWidth()).isEqualTo(1000.0);
        assertThat(robot.lookup("#startupStatus").queryAs(Label.class).getText()).isEqualTo("Opening PurgeDeck\u2026");
        assertThat(robot.lookup("#mainTabs").tryQuery()).isEmpty();

        opening.complete(AppContext.onSandbox(SANDBOX.server(), DemoAccount.GLOBAL_TOKEN, dataDir, Map.of()));

        ConsoleHarness.waitUntil(() -> shown.isDone() && robot.lookup("#mainTabs").tryQuery().isPresent());
        assertThat(robot.lookup("#startupView").tryQuery()).isEmpty();
        assertThat(robot.lookup("#endpointBadge").queryAs(Label.class).getText()).isEqualTo("Sandbox");
        assertThat(window.context()).isNotNull();
        assertThat(quit).isFalse();
    }

    @Test
    void saysWhyOpeningFailedAndQuitsOnRequest(FxRobot robot) {
        opening.completeExceptionally(new UncheckedIOException("The purge history in /x cannot be opened: disk full",
                new java.io.IOException("disk full")));

        ConsoleHarness.waitUntil(() -> robot.lookup("#startupQuit").tryQuery().isPresent());
        assertThat(robot.lookup("#startupStatus").queryAs(Label.class).getText())
                .isEqualTo("PurgeDeck could not start: The purge history in /x cannot be opened: disk full");
        assertThat(robot.lookup("#mainTabs").tryQuery()).isEmpty();
        assertThat(quit).isFalse();

        robot.clickOn(robot.lookup("#startupQuit").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(quit).isTrue();
    }
}
