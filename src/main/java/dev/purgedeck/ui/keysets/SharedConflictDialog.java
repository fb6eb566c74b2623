package dev.purgedeck.ui.keysets;

import dev.purgedeck.keysets.KeySet;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * The dialog of a shared key set conflict: yours and theirs side by side (keys, with those only one side has marked,
 * and who changed theirs when), and the choice: keep theirs, overwrite with mine, or cancel.
 */
final class SharedConflictDialog {
    private SharedConflictDialog() {
    }

    static String label(ConflictQuestion.Answer a, ConflictQuestion q) {
        return switch (a) {
            case KEEP_THEIRS -> q.conflict().deletedByThem() && q.mine() != null ? "Leave it deleted" : "Keep theirs";
            case OVERWRITE -> q.overwriteLabel();
            case CANCEL -> "Cancel";
        };
    }

    /** Asks on the UI thread and waits for the answer; closing the dialog is Cancel. */
    static ConflictQuestion.Answer ask(ConflictQuestion q, Supplier<Window> owner, ZoneId zone) {
        Dialog<ConflictQuestion.Answer> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle("Someone else changed this shared key set");
        d.setHeaderText(q.conflict().getMessage());
        ButtonType keep = new ButtonType(label(ConflictQuestion.Answer.KEEP_THEIRS, q), ButtonBar.ButtonData.LEFT);
        ButtonType overwrite = new ButtonType(q.overwriteLabel(), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(keep, overwrite, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(keep).setId("conflictKeepTheirs");
        d.getDialogPane().lookupButton(overwrite).setId("conflictOverwrite");
        d.getDialogPane().lookupButton(ButtonType.CANCEL).setId("conflictCancel");
        KeySet mine = q.mine();
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        grid.addRow(0, bold("Yours"), bold("Theirs"));
        grid.addRow(1, muted(mine == null ? "You deleted it" : "Not saved yet"), muted(q.theirsLine(zone)));
        List<String> myKeys = mine == null ? List.of() : mine.keys();
        List<String> theirKeys = q.theirs().map(t -> t.keys()).orElse(List.of());
        grid.addRow(2, muted(KeySetsViewModel.count(myKeys.size())), muted(KeySetsViewModel.count(theirKeys.size())));
        ListView<String> yours = keys("conflictMine", myKeys, q.onlyMine());
        ListView<String> theirs = keys("conflictTheirs", theirKeys, q.onlyTheirs());
        grid.addRow(3, yours, theirs);
        GridPane.setHgrow(yours, Priority.ALWAYS);
        GridPane.setHgrow(theirs, Priority.ALWAYS);
        Label hint = new Label("Keys marked + are only on that side. Overwriting writes yours over their version.");
        hint.setWrapText(true);
        grid.add(hint, 0, 4, 2, 1);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().setAccessibleText(q.text(zone));
        d.setResultConverter(b -> b == keep ? ConflictQuestion.Answer.KEEP_THEIRS
                : b == overwrite ? ConflictQuestion.Answer.OVERWRITE : ConflictQuestion.Answer.CANCEL);
        return d.showAndWait().orElse(ConflictQuestion.Answer.CANCEL);
    }

    private static ListView<String> keys(String id, List<String> keys, List<String> onlyHere) {
        ListView<String> list = new ListView<>();
        list.setId(id);
        list.getItems().setAll(keys);
        list.setPrefSize(260, 220);
        list.setPlaceholder(new Label("No keys"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String key, boolean empty) {
                super.updateItem(key, empty);
                setText(empty || key == null ? null : (onlyHere.contains(key) ? "+ " : "   ") + key);
                setStyle(!empty && key != null && onlyHere.contains(key) ? "-fx-font-weight: bold" : "");
            }
        });
        return list;
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }
}
