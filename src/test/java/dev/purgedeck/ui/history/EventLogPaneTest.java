package dev.purgedeck.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.ConsoleHarness;
import dev.purgedeck.testsupport.SandboxExtension;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The event-log part on screen: opening it reads the log, and the pass over the history keeps off the UI thread. */
@ExtendWith(ApplicationExtension.class)
class EventLogPaneTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final List<Boolean> readOnUiThread = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        EventLogViewModel vm = new EventLogViewModel(
                () -> Clients.client(SANDBOX.server().baseUri(), DemoAccount.READ_ONLY_TOKEN, Clients.FAST_RETRY),
                this::history, background, Platform::runLater, Clock.systemUTC());
        stage.setScene(new Scene(new VBox(EventLogPane.build(vm, ZoneOffset.UTC)), 1024, 400));
        stage.show();
    }

    private List<HistoryEntry> history() {
        readOnUiThread.add(Platform.isFxApplicationThread());
        return List.of();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void openingThePartComparesTheLogWithTheHistoryOffTheUiThread(FxRobot robot) {
        robot.clickOn("Purge-alls made outside PurgeDeck (from Fastly's event log)");

        Label status = robot.lookup("#eventLogStatus").queryAs(Label.class);
        ConsoleHarness.waitUntil(() -> status.getText().contains("outside PurgeDeck in the last 30 days"));
        assertThat(readOnUiThread).containsExactly(false);
    }
}
