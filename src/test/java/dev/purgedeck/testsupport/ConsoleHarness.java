package dev.purgedeck.testsupport;

import dev.purgedeck.context.AppContext;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.ui.MainView;
import dev.purgedeck.ui.common.Theme;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Builds the real main window on a sandbox for a TestFX test, and waits for what the window shows. */
public final class ConsoleHarness implements AutoCloseable {
    private final AppContext context;
    private final dev.purgedeck.ui.ProfileShell shell;
    private final ScriptedDialogs dialogs;

    private ConsoleHarness(AppContext context, dev.purgedeck.ui.ProfileShell shell, ScriptedDialogs dialogs) {
        this.context = context;
        this.shell = shell;
        this.dialogs = dialogs;
    }

    /** The file choosers and confirmations of this window, answered as the test says. */
    public ScriptedDialogs dialogs() {
        return dialogs;
    }

    /** Shows the main window in {@code stage}, with the light theme, on the sandbox with {@code token}. */
    public static ConsoleHarness show(Stage stage, SandboxServer sandbox, String token, Path dataDir, Map<String, String> env) {
        return show(stage, sandbox, token, dataDir, env, c -> { });
    }

    /** As above, with {@code before} given the context before the window is built (e.g. to inject a scheduler). */
    public static ConsoleHarness show(Stage stage, SandboxServer sandbox, String token, Path dataDir,
                                      Map<String, String> env, java.util.function.Consumer<AppContext> before) {
        Theme.LIGHT.apply();
        AppContext context = AppContext.onSandbox(sandbox, token, dataDir, env);
        before.accept(context);
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dev.purgedeck.ui.ProfileShell shell = new dev.purgedeck.ui.ProfileShell(context, javafx.application.Platform::runLater, dialogs);
        Scene scene = new Scene(shell.root(), 1240, 800);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        return new ConsoleHarness(context, shell, dialogs);
    }

    /** The window showing now (a profile switch replaces it). */
    public MainView window() {
        return shell.window();
    }

    public dev.purgedeck.ui.ProfileShell shell() {
        return shell;
    }

    public AppContext context() {
        return context;
    }

    /** A node of the Purge screen: other screens (Key sets) hold their own tag editor with the same ids. */
    public static javafx.scene.Node inPurge(org.testfx.api.FxRobot robot, String id) {
        return robot.from(robot.lookup("#purgeView").<javafx.scene.Node>query()).lookup(id).query();
    }

    /** Gives the window of the Purge screen this size and waits for the layout. */
    public static void resize(org.testfx.api.FxRobot robot, double width, double height) {
        robot.interact(() -> {
            Stage stage = (Stage) robot.lookup("#purgeView").query().getScene().getWindow();
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits up to 15 s for {@code condition}, checked on the FX thread after pending events. */
    public static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 15 s", e);
        }
    }

    /** Waits until the current job has ended and its summary is shown. */
    public void awaitJobEnd() {
        waitUntil(() -> !window().purge().results().runningProperty().get()
                && !window().purge().results().summaryProperty().get().isEmpty());
    }

    @Override
    public void close() {
        shell.dispose();
        context.close();
    }
}
