package dev.purgedeck.ui.purge;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.HostMap;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.testsupport.ConsoleTest;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Pasted URLs routed to their services through the real window, and unknown hosts warned of before sending. */
class HostRoutingConsoleTest extends ConsoleTest {
    private static final String COURIER = "https://www.dailycourier.example/";
    private static final String SHOP = "https://shop.northwind.example/";

    private void awaitHostMap() {
        waitUntil(() -> console.window().purge().hosts().mapProperty().get().state() == HostMap.State.READY
                && console.window().purge().services().selectedProperty().get() != null);
        SANDBOX.server().requests().clear();
    }

    private void paste(FxRobot robot, String text) {
        robot.interact(() -> robot.lookup("#urlInput").queryAs(TextArea.class).setText(text));
    }

    private String idOf(String name) {
        return SANDBOX.server().account().services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow().id();
    }

    @Test
    void urlsOfTwoServicesArePurgedAndEachHistoryItemNamesItsService(FxRobot robot) {
        awaitHostMap();
        paste(robot, COURIER + "\n" + SHOP + "\n" + SHOP + "cart");

        assertThat(robot.lookup("#urlRouting").queryAs(Label.class).getText())
                .isEqualTo("1 URL \u2192 Daily Courier \u2014 www, 2 \u2192 Northwind Shop");
        robot.clickOn("#purgeButton");
        console.awaitJobEnd();

        assertThat(console.dialogs().asked).isEmpty();
        robot.clickOn("#tabHistory");
        TableView<HistoryEntry> history = robot.lookup("#historyTable").queryTableView();
        waitUntil(() -> history.getItems().size() == 3);
        assertThat(history.getItems()).extracting(HistoryEntry::target, HistoryEntry::serviceName)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(COURIER, "Daily Courier \u2014 www"),
                        org.assertj.core.groups.Tuple.tuple(SHOP, "Northwind Shop"),
                        org.assertj.core.groups.Tuple.tuple(SHOP + "cart", "Northwind Shop"));
        assertThat(history.getItems()).filteredOn(e -> e.target().startsWith(SHOP))
                .extracting(HistoryEntry::serviceId).containsOnly(idOf("Northwind Shop"));
    }

    @Test
    void aPastedListOfOneServiceSelectsIt(FxRobot robot) {
        awaitHostMap();
        paste(robot, SHOP + "a\n" + SHOP + "b");

        assertThat(console.window().purge().services().serviceIdProperty().get()).isEqualTo(idOf("Northwind Shop"));
        assertThat(robot.lookup("#urlRouting").queryAs(Label.class).getText()).isEqualTo("2 URLs \u2192 Northwind Shop");
    }

    @Test
    void anUnknownHostIsWarnedBeforeAnythingIsSent(FxRobot robot) {
        awaitHostMap();
        paste(robot, "https://news.example.org/today\n" + COURIER);
        assertThat(robot.lookup("#urlRouting").queryAs(Label.class).getText())
                .isEqualTo("1 URL \u2192 Daily Courier \u2014 www, 1 unknown host");
        console.dialogs().confirmAnswer = false;

        robot.clickOn("#purgeButton");

        assertThat(console.dialogs().asked).containsExactly("confirm: Purge URLs no service serves?");
        assertThat(console.dialogs().lastQuestion).contains("No service you can see serves news.example.org: "
                + "Fastly would purge nothing");
        assertThat(SANDBOX.server().requests().all()).noneMatch(r -> r.method().equals("POST"));
        assertThat(console.window().purge().results().rows()).isEmpty();
        assertThat(List.of(robot.lookup("#urlInput").queryAs(TextArea.class).getText())).first().asString()
                .contains("news.example.org"); // nothing typed is lost
    }
}
