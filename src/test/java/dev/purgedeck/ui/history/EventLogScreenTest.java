package dev.purgedeck.ui.history;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.FastlyEvent;
import dev.purgedeck.testsupport.ConsoleTest;
import dev.purgedeck.testsupport.OutsideEvents;
import java.time.Instant;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** History's "from Fastly's event log" part through the real window against the sandbox. */
class EventLogScreenTest extends ConsoleTest {

    @Test
    void aPurgeAllMadeElsewhereAppearsMarkedAsFromFastlysEventLog(FxRobot robot) {
        OutsideEvents.purgeAll(SANDBOX.server().baseUri(), SANDBOX.service(), "FastlyCliUser", "198.51.100.23",
                Instant.now().minusSeconds(600));
        robot.clickOn("#tabHistory");
        robot.clickOn("Purge-alls made outside PurgeDeck (from Fastly's event log)");
        TableView<FastlyEvent> table = robot.lookup("#eventLogTable").queryTableView();

        waitUntil(() -> table.getItems().size() == 1);

        assertThat(table.getItems().get(0).userId()).isEqualTo("FastlyCliUser");
        waitUntil(() -> robot.lookup("#eventLogStatus").queryAs(Label.class).getText()
                .startsWith("1 purge-all made outside PurgeDeck"));
        assertThat(robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && "198.51.100.23".equals(c.getText())).tryQuery()).isPresent();
        assertThat(robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && "purge all · from Fastly's event log".equals(c.getText())).tryQuery()).isPresent();
    }
}
