package dev.purgedeck.ui;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.settings.EndpointKind;
import dev.purgedeck.settings.Profile;
import dev.purgedeck.testsupport.ConsoleHarness;
import dev.purgedeck.testsupport.SandboxExtension;
import dev.purgedeck.testsupport.SceneFilters;
import dev.purgedeck.ui.purge.PurgeViewModel;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** A profile switch rebuilds the window; what the old window registered on the stores and the scene must go. */
@ExtendWith(ApplicationExtension.class)
class ProfileSwitchLeakTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private static final int SWITCHES = 50;
    @TempDir
    Path dataDir;
    private ConsoleHarness console;
    private Stage stage;

    @AfterEach
    void close(FxRobot robot) {
        if (console != null) {
            console.close();
        }
        if (stage != null) {
            robot.interact(stage::close);
        }
    }

    @Test
    void fiftySwitchesLeaveNoListenersFiltersOrConsolesBehind(FxRobot robot) throws Exception {
        // A stage of its own: TestFX records the events fired on its primary stage, which would keep old nodes alive.
        robot.interact(() -> {
            stage = new Stage();
            console = ConsoleHarness.show(stage, SANDBOX.server(), DemoAccount.GLOBAL_TOKEN, dataDir, Map.of());
        });
        Profile sandbox = console.context().profiles().profiles().stream()
                .filter(p -> p.endpointKind() == EndpointKind.SANDBOX).findFirst().orElseThrow();
        Scene scene = console.shell().root().getScene();
        switchTo(robot, sandbox);
        // The console joins the scene, and puts its Esc filter there, when the tab pane lays it out (a pulse later).
        waitUntil(() -> SceneFilters.count(scene, KeyEvent.KEY_PRESSED) > 0);
        int listeners = console.context().settings().listenerCount();
        int filters = SceneFilters.count(scene, KeyEvent.KEY_PRESSED);
        int shortcuts = scene.getAccelerators().size();
        assertThat(filters).as("the console's Esc filter is there to be counted").isPositive();
        WeakReference<PurgeViewModel> firstConsole = new WeakReference<>(console.window().purge());

        long start = System.nanoTime();
        for (int i = 0; i < SWITCHES; i++) {
            switchTo(robot, sandbox);
        }
        long each = (System.nanoTime() - start) / 1_000_000 / SWITCHES;
        System.out.printf("%d profile switches: %d ms each%n", SWITCHES, each);

        assertThat(console.context().settings().listenerCount()).isEqualTo(listeners);
        waitUntil(() -> SceneFilters.count(scene, KeyEvent.KEY_PRESSED) >= filters);
        assertThat(SceneFilters.count(scene, KeyEvent.KEY_PRESSED)).isEqualTo(filters);
        assertThat(scene.getAccelerators()).hasSize(shortcuts);
        assertThat(console.window().purge()).isNotSameAs(firstConsole.get());
        // Bounded: a console still reachable after 15 s of collections is a leak.
        waitUntil(() -> {
            System.gc();
            return firstConsole.get() == null;
        });
    }

    /** Switches and waits for the new window, through the shell's busy flag (no polling: 50 of these run). */
    private void switchTo(FxRobot robot, Profile profile) throws Exception {
        CompletableFuture<MainView> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            MainView before = console.window();
            ChangeListener<Boolean> whenDone = new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean busy) {
                    if (!busy) {
                        o.removeListener(this);
                        // The new window is built right after the flag drops, in the same UI-thread task.
                        Platform.runLater(() -> shown.complete(console.window()));
                    }
                }
            };
            console.shell().switchingProperty().addListener(whenDone);
            console.shell().switchTo(profile);
            if (!console.shell().switchingProperty().get()) {
                shown.completeExceptionally(new AssertionError("the switch did not start"));
            }
            shown.thenAccept(after -> assertThat(after).isNotSameAs(before));
        });
        assertThat(shown.get(15, TimeUnit.SECONDS)).isNotNull();
    }
}
