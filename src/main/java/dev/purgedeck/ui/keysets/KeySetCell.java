package dev.purgedeck.ui.keysets;

import java.util.List;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/** A key set in a list: its name, then muted lines (keys and service, who changed it). */
final class KeySetCell<T> extends ListCell<T> {
    private final Function<T, String> name;
    private final Function<T, List<String>> lines;

    KeySetCell(Function<T, String> name, Function<T, List<String>> lines) {
        this.name = name;
        this.lines = lines;
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        Label title = new Label(name.apply(item));
        title.getStyleClass().add("service-name");
        VBox box = new VBox(1, title);
        for (String line : lines.apply(item)) {
            Label l = new Label(line);
            l.getStyleClass().add("muted");
            box.getChildren().add(l);
        }
        setGraphic(box);
    }
}
