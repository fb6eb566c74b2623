package dev.purgedeck.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * What the window shows while PurgeDeck opens its history, key sets and connection (the embedded sandbox, or the
 * profile's token): the header and a line saying so. The window appears at once instead of after all that; the
 * console replaces this view as soon as it is ready. If opening fails, it says why and offers to quit.
 */
public final class StartupView {
    private final BorderPane root = new BorderPane();
    private final Label status = new Label("Opening PurgeDeck\u2026");
    private final VBox body = new VBox(12, status);

    public StartupView() {
        Label title = new Label("PurgeDeck");
        title.getStyleClass().add("app-title");
        HBox header = new HBox(10, title);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 12, 8, 12));
        header.getStyleClass().add("app-header");
        status.setId("startupStatus");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.setTextAlignment(TextAlignment.CENTER);
        status.setAlignment(Pos.CENTER);
        status.setMaxWidth(560);
        body.setAlignment(Pos.CENTER);
        body.setPadding(new Insets(24));
        root.setTop(header);
        root.setCenter(body);
        root.setId("startupView");
    }

    public Parent root() {
        return root;
    }

    /** Says why PurgeDeck could not open, in place of the progress line, with a Quit button (focused). */
    public void failed(String message, Runnable quit) {
        status.setText("PurgeDeck could not start: " + message);
        status.getStyleClass().setAll("label", "error-text");
        Button close = new Button("Quit");
        close.setId("startupQuit");
        close.setDefaultButton(true);
        close.setOnAction(e -> quit.run());
        body.getChildren().setAll(status, close);
        close.requestFocus();
    }
}
