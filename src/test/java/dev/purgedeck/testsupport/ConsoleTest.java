package dev.purgedeck.testsupport;

import dev.purgedeck.sandbox.DemoAccount;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A TestFX test of the real main window on a sandbox (one per test class, reset before each test), with the global
 * demo token and a data directory of its own; {@link #console} is the window shown for the test. TestFX looks for
 * {@code @Start} only in the test class itself, so the window is put on TestFX's stage before each test instead.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class ConsoleTest {
    @RegisterExtension
    protected static final SandboxExtension SANDBOX = new SandboxExtension();
    @TempDir
    protected Path dataDir;
    protected ConsoleHarness console;

    /** Shows a new window on {@link #dataDir}; a test calls it again, after closing the first, to see a restart. */
    @BeforeEach
    protected void showConsole() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> {
            console = ConsoleHarness.show(stage, SANDBOX.server(), DemoAccount.GLOBAL_TOKEN, dataDir, Map.of());
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        // The window reads the host map in the background at start: a test's faults must not meet those reads.
        ConsoleHarness.waitUntil(() -> console.window().purge().hosts().mapProperty().get().state()
                != dev.purgedeck.fastly.HostMap.State.UNKNOWN);
    }

    @AfterEach
    void closeConsole() {
        if (console != null) {
            console.close();
        }
    }
}
