package dev.purgedeck.ui.controls;

import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** The virtualized list that replaces the chips for long key lists; Delete removes the selected keys. */
final class KeyCompactList extends ListView<KeyEntry> {
    private final KeyTagViewModel model;

    KeyCompactList(KeyTagViewModel model) {
        this.model = model;
        setId("keyList");
        // "dense" is AtlantaFX's compact-row variant (ignored elsewhere): more keys in view at once.
        getStyleClass().addAll("key-list", "dense");
        setAccessibleText("Surrogate keys");
        setAccessibleHelp("Press Delete to remove the selected keys");
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setCellFactory(v -> new KeyCell());

        // No accelerator: a context menu's accelerators are scene-wide, and Delete in another field must not fire it.
        MenuItem remove = new MenuItem("Remove selected keys (Delete)");
        remove.setOnAction(e -> removeSelected());
        remove.disableProperty().bind(getSelectionModel().selectedItemProperty().isNull());
        setContextMenu(new ContextMenu(remove));

        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                removeSelected();
                e.consume();
            }
        });
    }

    void removeSelected() {
        List<KeyEntry> selected = List.copyOf(getSelectionModel().getSelectedItems());
        if (selected.isEmpty()) {
            return;
        }
        int first = getSelectionModel().getSelectedIndices().stream().mapToInt(Integer::intValue).min().orElse(0);
        model.removeAll(selected);
        // Select the row that moved up into place, so pressing Delete again keeps working down the list.
        if (!getItems().isEmpty()) {
            int next = Math.min(first, getItems().size() - 1);
            getSelectionModel().clearAndSelect(next);
            getFocusModel().focus(next);
        }
    }

    /** A row: the key, and for an invalid key also why it will not be sent. */
    private static final class KeyCell extends ListCell<KeyEntry> {
        @Override
        protected void updateItem(KeyEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            boolean invalid = !empty && entry != null && !entry.valid();
            if (empty || entry == null) {
                setText(null);
            } else {
                setText(invalid ? entry.key() + "  — not sent: key " + entry.problem() : entry.key());
            }
            if (invalid != getStyleClass().contains("key-row-invalid")) {
                if (invalid) {
                    getStyleClass().add("key-row-invalid");
                } else {
                    getStyleClass().remove("key-row-invalid");
                }
            }
        }
    }
}
