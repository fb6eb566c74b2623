package dev.purgedeck.testsupport;

import dev.purgedeck.app.AppContext;
import dev.purgedeck.sandbox.SandboxServer;
import dev.purgedeck.ui.MainWindow;
import dev.purgedeck.ui.Theme;
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
    private final MainWindow window;

    private ConsoleHarness(AppContext context, MainWindow window) {
        this.context = context;
        this.window = window;
    }

    /** Shows the main window in {@code stage}, with the light theme, on the sandbox with {@code token}. */
    public static ConsoleHarness show(Stage stage, SandboxServer sandbox, String token, Path dataDir, Map<String, String> env) {
        Theme.LIGHT.apply();
        AppContext context = AppContext.onSandbox(sandbox, token, dataDir, env);
        MainWindow window = new MainWindow(context);
        Scene scene = new Scene(window.root(), 1240, 800);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        return new ConsoleHarness(context, window);
    }

    public MainWindow window() {
        return window;
    }

    public AppContext context() {
        return context;
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
        waitUntil(() -> !window.purge().results().runningProperty().get()
                && !window.purge().results().summaryProperty().get().isEmpty());
    }

    @Override
    public void close() {
        context.close();
    }
}
