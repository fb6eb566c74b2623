package dev.purgedeck.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class KeyTagEditorTest {
    private KeyTagViewModel model;
    private KeyTagEditor editor;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new KeyTagViewModel();
        editor = new KeyTagEditor(model);
        Button after = new Button("After");
        after.setId("after");
        VBox root = new VBox(12, editor, after);
        root.setStyle("-fx-padding: 12px;"); // test scaffolding only
        stage.setScene(new Scene(root, 640, 480));
        stage.show();
        editor.requestFocus();
    }

    private List<String> chipKeys(FxRobot robot) {
        FlowPane chips = robot.lookup("#keyChips").queryAs(FlowPane.class);
        return chips.getChildren().stream().map(n -> ((KeyEntry) n.getUserData()).key()).toList();
    }

    private Node chip(FxRobot robot, String key) {
        return robot.lookup(".key-chip").match(n -> ((KeyEntry) n.getUserData()).key().equals(key)).query();
    }

    private TextField input(FxRobot robot) {
        return robot.lookup("#keyInput").queryAs(TextField.class);
    }

    @Test
    void enterSpaceCommaAndTabTurnTypedTextIntoChips(FxRobot robot) {
        robot.clickOn("#keyInput").write("alpha").type(KeyCode.ENTER);
        robot.write("beta").type(KeyCode.SPACE);
        robot.write("gamma,");
        robot.write("delta").type(KeyCode.TAB);

        assertThat(chipKeys(robot)).containsExactly("alpha", "beta", "gamma", "delta");
        assertThat(input(robot).getText()).isEmpty();
        assertThat(input(robot).isFocused()).as("Tab with text commits instead of moving on").isTrue();
        assertThat(robot.lookup("#keySummary").queryAs(Label.class).getText()).isEqualTo("4 keys → 1 request");
    }

    @Test
    void tabOnEmptyFieldMovesFocusAsUsual(FxRobot robot) {
        robot.clickOn("#keyInput").type(KeyCode.TAB);

        assertThat(robot.lookup("#after").queryAs(Button.class).isFocused()).isTrue();
    }

    @Test
    void separatorTypedMidTextCommitsBothHalves(FxRobot robot) {
        robot.clickOn("#keyInput").write("abcdef").type(KeyCode.LEFT, 3).write(" ");

        assertThat(chipKeys(robot)).containsExactly("abc", "def");
        assertThat(input(robot).getText()).isEmpty();
    }

    @Test
    void pastingAListAddsEveryKeyAtOnce(FxRobot robot) {
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("one\ntwo\r\nthree\tfour, five");
            Clipboard.getSystemClipboard().setContent(content);
        });

        robot.clickOn("#keyInput").push(KeyCode.CONTROL, KeyCode.V);

        assertThat(model.validKeys()).containsExactly("one", "two", "three", "four", "five");
        assertThat(chipKeys(robot)).hasSize(5);
        assertThat(input(robot).getText()).isEmpty();

        robot.write("six"); // a half-typed key joins the pasted text it touches, as a plain paste would
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("-a\nseven");
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.push(KeyCode.SHIFT, KeyCode.INSERT);
        assertThat(model.validKeys()).endsWith("five", "six-a", "seven");
    }

    @Test
    void invalidKeyShowsAsInvalidChipWithReason(FxRobot robot) {
        robot.clickOn("#keyInput").write("ok").type(KeyCode.ENTER);
        robot.interact(() -> model.addText("café"));

        Node bad = chip(robot, "café");
        assertThat(bad.getStyleClass()).contains("key-chip", "key-chip-invalid");
        assertThat(chip(robot, "ok").getStyleClass()).contains("key-chip").doesNotContain("key-chip-invalid");
        assertThat(((KeyChip) bad).tooltip().getText()).contains("Not sent", "printable ASCII");
        Label notice = robot.lookup("#keyNotice").queryAs(Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).isEqualTo("1 invalid key will not be sent");
    }

    @Test
    void duplicateIsDroppedWithNotice(FxRobot robot) {
        Label notice = robot.lookup("#keyNotice").queryAs(Label.class);
        assertThat(notice.isVisible()).isFalse();

        robot.clickOn("#keyInput").write("a b a ");

        assertThat(chipKeys(robot)).containsExactly("a", "b");
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).isEqualTo("1 duplicate key dropped");
    }

    @Test
    void backspaceInEmptyFieldRemovesLastChip(FxRobot robot) {
        robot.interact(() -> model.addText("a b"));

        robot.clickOn("#keyInput").write("c").type(KeyCode.BACK_SPACE); // deletes the typed "c" only
        assertThat(chipKeys(robot)).containsExactly("a", "b");

        robot.type(KeyCode.BACK_SPACE);
        assertThat(chipKeys(robot)).containsExactly("a");
    }

    @Test
    void crossRemovesItsChipByClickOrKeyboard(FxRobot robot) {
        robot.interact(() -> model.addText("a b c"));
        KeyChipRemove cross = (KeyChipRemove) chip(robot, "b").lookup(".key-chip-remove");
        assertThat(cross.getAccessibleText()).isEqualTo("Remove key b");

        robot.moveTo(cross);
        assertThat(cross.tooltip().getText()).isEqualTo("Remove key b");
        robot.clickOn(cross);
        assertThat(chipKeys(robot)).containsExactly("a", "c");

        KeyChipRemove crossA = (KeyChipRemove) chip(robot, "a").lookup(".key-chip-remove");
        robot.interact(crossA::requestFocus);
        robot.type(KeyCode.SPACE);
        assertThat(chipKeys(robot)).containsExactly("c");
        assertThat(chip(robot, "c").lookup(".key-chip-remove").isFocused()).as("focus moves to the next chip").isTrue();
    }

    @Test
    void manyKeysSwitchToCompactListWhereDeleteRemovesSelection(FxRobot robot) {
        String keys = IntStream.range(0, 300).mapToObj(i -> "k" + i).collect(Collectors.joining(" "));
        robot.interact(() -> model.addText(keys));

        assertThat(editor.isCompact()).isTrue();
        assertThat(robot.lookup("#keyChips").tryQuery()).isEmpty(); // chip area is out of the scene
        @SuppressWarnings("unchecked")
        ListView<KeyEntry> list = robot.lookup("#keyList").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(300);

        robot.clickOn(robot.lookup(".list-cell").match(n -> "k1".equals(((Labeled) n).getText())).queryLabeled());
        robot.interact(() -> list.getSelectionModel().selectIndices(1, 2));
        robot.type(KeyCode.DELETE);

        assertThat(model.entries()).hasSize(298);
        assertThat(model.validKeys()).doesNotContain("k1", "k2").startsWith("k0", "k3");

        robot.interact(() -> model.setAll(List.of("x", "y")));
        assertThat(editor.isCompact()).isFalse();
        assertThat(chipKeys(robot)).containsExactly("x", "y");
    }

    @Test
    void clearEmptiesEverything(FxRobot robot) {
        robot.interact(() -> model.addText("a b c"));

        robot.clickOn("#clearKeys");

        assertThat(model.entries()).isEmpty();
        assertThat(chipKeys(robot)).isEmpty();
        assertThat(robot.lookup("#keySummary").queryAs(Label.class).getText()).isEqualTo("No keys yet");
        assertThat(input(robot).isFocused()).isTrue();
    }

    @Test
    void inputIsNamedForScreenReaders(FxRobot robot) {
        assertThat(input(robot).getAccessibleText()).isEqualTo("Surrogate keys");
        assertThat(input(robot).getPromptText()).isEqualTo("Type a key and press Enter, or paste a list");
    }
}
