package dev.purgedeck.ui.purge;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.sandbox.CachedObject;
import dev.purgedeck.sandbox.FaultSettings;
import dev.purgedeck.testsupport.ConsoleTest;
import dev.purgedeck.testsupport.Sandboxes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The results table through the real window: what each row says happened, as rendered on screen. */
class ResultsTableTest extends ConsoleTest {
    private CachedObject plainObject() {
        return Sandboxes.object(SANDBOX.server(), SANDBOX.service(), o -> !o.url().contains("?"));
    }

    private void purge(FxRobot robot, String text) {
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        robot.interact(() -> robot.lookup("#urlInput").queryAs(TextArea.class).setText(text));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        console.awaitJobEnd();
    }

    /** The text the cell of {@code row} in the column {@code columnId} shows on screen, after any ellipsis. */
    static String rendered(FxRobot robot, String columnId, int row) {
        Optional<Node> cell = robot.lookup("#resultsTable .table-cell").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && columnId.equals(c.getTableColumn().getId()) && c.getIndex() == row && !c.isEmpty())
                .findFirst();
        assertThat(cell).as("a rendered cell in %s, row %d", columnId, row).isPresent();
        Node text = cell.get().lookup(".text");
        return text instanceof Text t ? t.getText() : "";
    }

    @Test
    void aHardPurgeSaysRemovedAndASoftOneMarkedStale(FxRobot robot) {
        String url = plainObject().url();
        purge(robot, url);
        waitUntil(() -> rendered(robot, "outcomeColumn", 0).equals("Removed"));
        assertThat(robot.lookup("#resultSummary").queryAs(Label.class).getText()).isEqualTo("1 purged, 0 failed");

        robot.clickOn("#softToggle .thumb-area");
        purge(robot, url + "\n" + url + "?v=2");
        waitUntil(() -> rendered(robot, "outcomeColumn", 1).equals("Marked stale"));
        assertThat(rendered(robot, "outcomeColumn", 0)).isEqualTo("Marked stale");
        assertThat(robot.lookup("#resultSummary").queryAs(Label.class).getText())
                .isEqualTo("2 marked stale (soft), 0 failed");
    }

    @Test
    void anUnreadable200SaysThePurgeMayHaveHappened(FxRobot robot) {
        SANDBOX.server().setFaults(FaultSettings.none().withMalformedRate(1.0));
        purge(robot, plainObject().url());
        waitUntil(() -> rendered(robot, "outcomeColumn", 0).equals("Unconfirmed"));
        assertThat(rendered(robot, "httpColumn", 0)).isEqualTo("200");
        // The message is longer than its column: selecting the row shows it whole, wrapped, below the table.
        robot.interact(() -> robot.lookup("#resultsTable").queryTableView().getSelectionModel().select(0));
        assertThat(robot.lookup("#resultDetails").queryAs(Label.class).getText())
                .contains("Fastly answered 200 but the body could not be read; the purge may have happened.");
    }

    @Test
    void aNewJobShowsItsResultsFromTheTop(FxRobot robot) {
        String many = IntStream.range(0, 80).mapToObj(i -> "https://www.example.com/p/" + i).collect(Collectors.joining("\n"));
        purge(robot, many);
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        robot.interact(() -> table.scrollTo(79));
        waitUntil(() -> firstVisible(robot) > 0);
        purge(robot, many.replace("/p/", "/q/"));
        waitUntil(() -> firstVisible(robot) == 0);
        assertThat(table.getItems().get(0).target()).isEqualTo("https://www.example.com/q/0");
    }

    private static int firstVisible(FxRobot robot) {
        VirtualFlow<?> flow = (VirtualFlow<?>) robot.lookup("#resultsTable .virtual-flow").query();
        return flow.getFirstVisibleCell() == null ? -1 : flow.getFirstVisibleCell().getIndex();
    }

    @Test
    void retryFailedKeepsTheFirstRowsAndUpdatesTheFailedOnes(FxRobot robot) {
        SANDBOX.server().setFaults(FaultSettings.none().withRateLimitAfter(1, Duration.ofMinutes(10)));
        console.context().settings().update(st -> st.withConcurrency(1)).join();
        purge(robot, "https://www.example.com/r/1\nhttps://www.example.com/r/2\nhttps://www.example.com/r/3");
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        List<ResultRow> first = List.copyOf(table.getItems());
        assertThat(first).extracting(ResultRow::state)
                .containsExactly(ResultRow.State.OK, ResultRow.State.FAILED, ResultRow.State.FAILED);

        SANDBOX.server().clearFaults();
        robot.clickOn("#retryFailed");
        console.awaitJobEnd();
        waitUntil(() -> rendered(robot, "outcomeColumn", 2).equals("Removed"));
        assertThat(table.getItems()).containsExactlyElementsOf(first);
        assertThat(rendered(robot, "outcomeColumn", 0)).isEqualTo("Removed");
        assertThat(rendered(robot, "outcomeColumn", 1)).isEqualTo("Removed");
        assertThat(robot.lookup("#resultSummary").queryAs(Label.class).getText()).isEqualTo("3 purged, 0 failed");
    }

    @Test
    void afterCancelTheItemsNeverSentSaySoAndOneClickSendsThem(FxRobot robot) {
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        SANDBOX.server().setFaults(FaultSettings.none().withLatency(Duration.ofMillis(300)));
        console.context().settings().update(st -> st.withConcurrency(1)).join();
        String urls = IntStream.range(0, 20).mapToObj(i -> "https://www.example.com/c/" + i).collect(Collectors.joining("\n"));
        robot.interact(() -> robot.lookup("#urlInput").queryAs(TextArea.class).setText(urls));
        robot.clickOn("#purgeButton");
        robot.clickOn("#purgeButton");
        console.awaitJobEnd();
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        robot.interact(() -> table.scrollTo(19));
        waitUntil(() -> rendered(robot, "outcomeColumn", 19).equals("Not sent"));
        assertThat(table.getItems().get(19).outcome().message()).isEqualTo("Not sent (cancelled).");
        assertThat(robot.lookup("#sendUnsent").queryButton().isVisible()).isTrue();
        List<ResultRow> first = List.copyOf(table.getItems());
        List<ResultRow> unsent = first.stream().filter(ResultRow::notSent).toList();

        SANDBOX.server().clearFaults();
        robot.clickOn("#sendUnsent");
        console.awaitJobEnd();
        waitUntil(() -> unsent.stream().allMatch(r -> r.state() == ResultRow.State.OK));
        assertThat(table.getItems()).containsExactlyElementsOf(first);
        assertThat(robot.lookup("#sendUnsent").queryButton().isVisible()).isFalse();
        // An item cancelled on its way may have been purged already: it is not sent again unasked.
        long onItsWay = first.stream().filter(r -> r.state() == ResultRow.State.CANCELLED).count();
        assertThat(onItsWay).isLessThanOrEqualTo(1);
        assertThat(robot.lookup("#resultSummary").queryAs(Label.class).getText())
                .isEqualTo((20 - onItsWay) + " purged, 0 failed" + (onItsWay > 0 ? ", 1 cancelled" : ""));
    }

    @Test
    void atTheSmallestSizeATypicalTargetAndItsPurgeIdAreNotCut(FxRobot robot) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        robot.interact(() -> {
            stage.setMaximized(false);
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        String url = "https://www.dailycourier.example/news/2025/city-council-approves-budget";
        purge(robot, url);
        waitUntil(() -> rendered(robot, "outcomeColumn", 0).equals("Removed"));
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        assertThat(rendered(robot, "targetColumn", 0)).isEqualTo(url);
        assertThat(rendered(robot, "purgeIdColumn", 0)).isEqualTo(table.getItems().get(0).purgeId()).isNotEmpty();
        assertThat(rendered(robot, "httpColumn", 0)).isEqualTo("200");
        assertThat(rendered(robot, "timeColumn", 0)).endsWith(" ms");
    }
}
