package dev.purgedeck.ui.inspect;

import dev.purgedeck.ui.common.Icons;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;

/** The console's Inspect field: a typed, pasted or dropped page URL, inspected with Enter or the button. */
public final class InspectBar extends HBox {
    private final TextField field = new TextField();

    public InspectBar(Consumer<String> inspect) {
        super(8);
        Label label = new Label("Inspect a page:");
        field.setId("inspectField");
        field.setPromptText("Paste a page's URL to see how Fastly serves it and which keys it has");
        Button go = new Button("Inspect");
        go.setId("inspectButton");
        go.setGraphic(Icons.icon(Feather.SEARCH));
        Icons.describe(go, "Fetch the page with Fastly-Debug and show its cache state and surrogate keys");
        Runnable run = () -> {
            if (!field.getText().isBlank()) {
                inspect.accept(field.getText().strip());
            }
        };
        field.setOnAction(e -> run.run());
        go.setOnAction(e -> run.run());
        field.setOnDragOver(e -> {
            if (e.getDragboard().hasUrl() || e.getDragboard().hasString()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                e.consume();
            }
        });
        field.setOnDragDropped(e -> {
            Dragboard db = e.getDragboard();
            String dropped = db.hasUrl() ? db.getUrl() : db.hasString() ? db.getString() : null;
            boolean ok = dropped != null && !dropped.isBlank();
            if (ok) {
                // A dropped link is inspected at once: dropping is the whole gesture.
                field.setText(dropped.strip().lines().findFirst().orElse(""));
                run.run();
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        getChildren().setAll(label, field, go);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 12, 0, 12));
        setId("inspectBar");
    }

    TextField field() {
        return field;
    }
}
