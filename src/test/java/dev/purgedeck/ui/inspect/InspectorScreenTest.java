package dev.purgedeck.ui.inspect;

import static dev.purgedeck.testsupport.ConsoleHarness.inPurge;
import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.edge.PageReport;
import dev.purgedeck.fastly.ServiceInfo;
import dev.purgedeck.testsupport.ConsoleTest;
import dev.purgedeck.ui.purge.PurgeMode;
import dev.purgedeck.ui.purge.ResultRow;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The inspector through the real window against the sandbox's edge: from the console's Inspect field to the page's
 * keys as chips, a purge of one key from there, and the page's new version when inspected again.
 */
class InspectorScreenTest extends ConsoleTest {
    private static final String NEWS = "https://www.dailycourier.example/news";

    private InspectorViewModel inspector() {
        return console.window().inspector();
    }

    private PageReport awaitReport() {
        waitUntil(() -> !inspector().busyProperty().get() && inspector().reportProperty().get() != null);
        return inspector().reportProperty().get();
    }

    @Test
    void inspectAPageSeeItsKeysAsChipsPurgeOneAndSeeTheNewVersion(FxRobot robot) throws Exception {
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        robot.clickOn("#inspectField").write(NEWS).type(KeyCode.ENTER);
        PageReport first = awaitReport();
        List<String> chips = robot.lookup(".inspector-key").queryAllAs(ToggleButton.class).stream()
                .map(ToggleButton::getText).toList();
        assertThat(chips).contains("news", "article/4711").isEqualTo(first.surrogateKeys());
        assertThat(robot.lookup("#inspectorSummary").queryAs(VBox.class).getChildren())
                .first().extracting(n -> ((Label) n).getText()).asString().isNotBlank();

        publish(NEWS);
        robot.clickOn("#inspectorGo");
        waitUntil(() -> inspector().reportProperty().get() != first);
        assertThat(awaitReport().etag()).as("the edge serves the old copy until a purge").isEqualTo(first.etag());

        // The page's service is chosen in the console (mapping hosts to services is another feature).
        ServiceInfo courier = console.window().purge().services().services().stream()
                .filter(s -> s.name().equals("Daily Courier — www")).findFirst().orElseThrow();
        robot.interact(() -> console.window().purge().services().select(courier));
        robot.clickOn(robot.lookup(".inspector-key").match(n -> "news".equals(((ToggleButton) n).getText()))
                .<ToggleButton>query());
        assertThat(robot.lookup("#inspectorAddKeys").queryButton().getText()).isEqualTo("Add 1 key to the key editor");
        robot.clickOn("#inspectorAddKeys");
        assertThat(console.window().purge().modeProperty().get()).isEqualTo(PurgeMode.KEYS);
        assertThat(console.window().purge().keys().validKeys()).containsExactly("news");
        // The inspector's window may lie over the console here: press the console's button itself.
        robot.interact(() -> ((Button) inPurge(robot, "#purgeButton")).fire());
        console.awaitJobEnd();
        assertThat(console.window().purge().results().rows()).extracting(ResultRow::state)
                .containsExactly(ResultRow.State.OK);

        PageReport before = inspector().reportProperty().get();
        robot.clickOn("#inspectorGo");
        waitUntil(() -> inspector().reportProperty().get() != before);
        assertThat(awaitReport().etag()).isNotEqualTo(first.etag());
        assertThat(awaitReport().etag().orElseThrow()).contains("-v2");
    }

    @Test
    void purgeThisUrlGoesThroughTheConsoleAndItsResultRowCanBeInspectedAgain(FxRobot robot) {
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        robot.clickOn("#inspectField").write("https://www.northwind.example/").type(KeyCode.ENTER);
        assertThat(awaitReport().redirectTarget()).contains("https://shop.northwind.example/");
        assertThat(robot.lookup("#inspectorSummary .label").queryAs(Label.class).getText())
                .contains("purges the redirect, not the target");
        robot.clickOn("#inspectorPurgeUrl");
        console.awaitJobEnd();
        TableView<ResultRow> results = robot.lookup("#resultsTable").queryTableView();
        assertThat(results.getItems()).extracting(ResultRow::target).containsExactly("https://www.northwind.example/");
        assertThat(console.window().purge().modeProperty().get()).isEqualTo(PurgeMode.URLS);

        robot.interact(() -> inspector().urlProperty().set(""));
        robot.interact(() -> results.getSelectionModel().select(0));
        robot.interact(() -> fire(results.getContextMenu(), "inspectResultRow"));
        waitUntil(() -> "https://www.northwind.example/".equals(inspector().urlProperty().get())
                && !inspector().busyProperty().get());

        // The URL box: the line under the cursor.
        TextArea box = (TextArea) inPurge(robot, "#urlInput");
        robot.interact(() -> {
            box.setText("https://shop.northwind.example/cart\nhttps://www.dailycourier.example/sport");
            box.positionCaret(box.getText().length() - 3);
            fire(box.getContextMenu(), "inspectUrlLine");
        });
        waitUntil(() -> "https://www.dailycourier.example/sport".equals(inspector().urlProperty().get()));
        assertThat(awaitReport().surrogateKeys()).contains("section-sport");

        // The history's row of the URL purged above.
        robot.interact(() -> ((TabPane) robot.lookup("#mainTabs").query()).getSelectionModel().select(1));
        waitUntil(() -> robot.lookup("#historyTable").tryQuery().map(t -> !((TableView<?>) t).getItems().isEmpty())
                .orElse(false));
        TableView<?> history = robot.lookup("#historyTable").queryTableView();
        waitUntil(() -> history.getContextMenu() != null && history.getContextMenu().getItems().stream()
                .anyMatch(i -> "inspectHistoryRow".equals(i.getId())));
        robot.interact(() -> {
            history.getSelectionModel().select(0);
            fire(history.getContextMenu(), "inspectHistoryRow");
        });
        waitUntil(() -> "https://www.northwind.example/".equals(inspector().urlProperty().get()));
    }

    private static void fire(ContextMenu menu, String id) {
        menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow().fire();
    }

    @Test
    void anAddressThatIsNoWebPageIsExplainedInTheInspectorAndNothingBlocks(FxRobot robot) {
        robot.clickOn("#inspectField").write("ftp://files.example/report.pdf").type(KeyCode.ENTER);
        waitUntil(() -> !inspector().errorProperty().get().isEmpty());
        assertThat(robot.lookup("#inspectorError").queryAs(Label.class).getText())
                .startsWith("Only http:// and https:// pages can be inspected");
        assertThat(robot.lookup("#inspectorPurgeUrl").queryButton().isDisabled()).isTrue();
    }

    private void publish(String url) throws Exception {
        assertThat(console.context().sandboxAdmin().orElseThrow().publish(url).get(10, TimeUnit.SECONDS))
                .isEqualTo(2);
    }
}
