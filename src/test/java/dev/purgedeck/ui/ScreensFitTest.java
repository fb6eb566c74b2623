package dev.purgedeck.ui;

import static dev.purgedeck.testsupport.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.testsupport.DrawnText;
import dev.purgedeck.testsupport.SmallWindowTest;
import dev.purgedeck.ui.purge.PurgeMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At 1024×700, the smallest supported window, no button, label or column header on any screen is cut: the text drawn
 * is the whole text. (Cells of tables and lists may cut long values in the middle; they show them whole on hover and
 * in the details.)
 */
class ScreensFitTest extends SmallWindowTest {
    private static final String LONG_URL = "https://www.dailycourier.example/news/2025/city-council-approves-budget";

    /** Asserts that nothing on the screen is cut once its layout has settled. */
    private void assertNothingCut(FxRobot robot, String screen) {
        assertThat(DrawnText.cutOnceSettled(() -> robot.lookup("#mainTabs").query())).as(screen).isEmpty();
    }

    @Test
    void theConsoleInEachModeWithResults(FxRobot robot) {
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        robot.interact(() -> console.window().purge().urls().textProperty().set(LONG_URL + "\nnot a url"));
        robot.clickOn("#purgeButton");
        console.awaitJobEnd();
        waitUntil(() -> robot.lookup("#sandboxCacheSummary").queryLabeled().getText().contains("objects"));
        assertNothingCut(robot, "Console, URLs, with results and the sandbox panel");
        robot.interact(() -> console.window().purge().modeProperty().set(PurgeMode.KEYS));
        assertNothingCut(robot, "Console, keys");
        robot.interact(() -> console.window().purge().modeProperty().set(PurgeMode.ALL));
        assertNothingCut(robot, "Console, everything");
    }

    /** Purges {@link #LONG_URL} and opens History once its entry is shown there. */
    private TableView<HistoryEntry> purgeALongUrlAndOpenHistory(FxRobot robot) {
        waitUntil(() -> console.window().purge().services().selectedProperty().get() != null);
        robot.interact(() -> console.window().purge().urls().textProperty().set(LONG_URL));
        robot.clickOn("#purgeButton");
        console.awaitJobEnd();
        robot.clickOn("#tabHistory");
        TableView<HistoryEntry> table = robot.lookup("#historyTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1);
        return table;
    }

    @Test
    void historyWithItsDetailsKeepsTargetOutcomeAndPurgeIdReadable(FxRobot robot) {
        TableView<HistoryEntry> table = purgeALongUrlAndOpenHistory(robot);
        robot.interact(() -> table.getSelectionModel().select(0));
        assertNothingCut(robot, "History with details");

        // The details go below the table at this size, so the table keeps the window's width ...
        SplitPane split = (SplitPane) table.getParent().getParent();
        assertThat(split.getOrientation()).isEqualTo(Orientation.VERTICAL);
        // ... and the purge ID and outcome are drawn whole; a long target keeps its start and its end, whole on hover.
        HistoryEntry e = table.getItems().get(0);
        for (String whole : List.of(e.purgeId(), "ok")) {
            assertThat(drawn(robot, whole)).as("cell %s", whole).isEqualTo(whole);
        }
        String target = drawn(robot, LONG_URL);
        assertThat(target).startsWith("https://www.").endsWith("budget");
        Labeled targetCell = robot.lookup((Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && LONG_URL.equals(c.getText())).queryLabeled();
        assertThat(targetCell.getTooltip().getText()).isEqualTo(LONG_URL);
        // The results' "HTTP" header is whole too (it was "H…").
        robot.clickOn("#tabPurge");
        assertNothingCut(robot, "Console after the purge");
    }

    @Test
    void historyFiltersShowTheirValuesWhole(FxRobot robot) {
        purgeALongUrlAndOpenHistory(robot);
        // The profile and service choices are filled from the history as it loads: "All …" once they are.
        for (String id : List.of("#historyProfile", "#historyService")) {
            waitUntil(() -> robot.lookup(id).queryAs(ComboBox.class).getValue() != null);
        }
        assertFiltersWhole(robot, "nothing chosen");

        // The longest values the filters offer: the purge's profile with its endpoint, its service with its ID.
        for (String id : List.of("#historyProfile", "#historyService")) {
            ComboBox<?> box = robot.lookup(id).queryAs(ComboBox.class);
            waitUntil(() -> box.getItems().size() > 1);
            int longest = IntStream.range(0, box.getItems().size()).boxed()
                    .max(Comparator.comparingInt(i -> box.getItems().get(i).toString().length())).orElseThrow();
            robot.interact(() -> box.getSelectionModel().select(longest));
        }
        robot.interact(() -> {
            robot.lookup("#historyFrom").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 12, 28));
            robot.lookup("#historyTo").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 12, 31));
            robot.lookup("#historyVerdict").queryAs(ChoiceBox.class).getSelectionModel().select(3);
        });
        assertFiltersWhole(robot, "each chosen");
        assertNothingCut(robot, "History with every filter chosen");
    }

    /** Each filter of History draws its value (or its prompt) whole and inside the window. */
    private static void assertFiltersWhole(FxRobot robot, String state) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            for (String id : List.of("#historyProfile", "#historyService")) {
                ComboBox<?> box = robot.lookup(id).queryAs(ComboBox.class);
                // The button cell is a Cell, which the cut check above skips.
                Labeled cell = box.getChildrenUnmodifiable().stream().filter(ListCell.class::isInstance)
                        .map(Labeled.class::cast).findFirst().orElseThrow();
                assertThat(cell.getText()).as("%s shows its value (%s)", id, state)
                        .isEqualTo(String.valueOf(box.getValue()));
                assertThat(DrawnText.ownText(cell).getText()).as("%s drawn whole (%s)", id, state)
                        .isEqualTo(cell.getText());
                assertInWindow(box, id, state);
            }
            for (String id : List.of("#historyOutcome", "#historyKind", "#historyVerdict")) {
                Labeled label = (Labeled) robot.lookup(id).query().lookup(".label");
                assertThat(DrawnText.ownText(label).getText()).as("%s drawn whole (%s)", id, state)
                        .isEqualTo(label.getText());
                assertInWindow(robot.lookup(id).query(), id, state);
            }
            for (String id : List.of("#historyFrom", "#historyTo")) {
                DatePicker picker = robot.lookup(id).queryAs(DatePicker.class);
                TextField editor = picker.getEditor();
                String shown = editor.getText().isEmpty() ? picker.getPromptText() : editor.getText();
                Text text = new Text(shown);
                text.setFont(editor.getFont());
                double room = editor.getWidth() - editor.snappedLeftInset() - editor.snappedRightInset();
                assertThat(text.getLayoutBounds().getWidth()).as("%s '%s' fits (%s)", id, shown, state)
                        .isLessThanOrEqualTo(room);
                assertInWindow(picker, id, state);
            }
        });
    }

    private static void assertInWindow(Node n, String id, String state) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        assertThat(b.getMaxX()).as("%s inside the window (%s)", id, state).isLessThanOrEqualTo(n.getScene().getWidth());
    }

    private static String drawn(FxRobot robot, String cellText) {
        Labeled cell = robot.lookup((Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && cellText.equals(c.getText())).queryLabeled();
        return ((Text) cell.lookup(".text")).getText();
    }

    @Test
    void keySetsAndSettings(FxRobot robot) {
        robot.clickOn("#tabKeySets");
        assertNothingCut(robot, "Key sets");
        robot.clickOn("#tabSettings");
        assertNothingCut(robot, "Settings");
    }
}
