package dev.purgedeck.ui;

import dev.purgedeck.app.AppContext;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** The main window's content: the connection badge on top, the purge console below. */
public final class MainWindow {
    private final BorderPane root = new BorderPane();

    public MainWindow(AppContext context) {
        Label badge = new Label(context.connection().kind().label());
        badge.setId("endpointBadge");
        Label endpoint = new Label(context.connection().endpoint().toString());
        endpoint.setId("endpointUrl");
        HBox header = new HBox(8, badge, endpoint);
        header.setPadding(new Insets(8));
        root.setTop(header);
    }

    public Parent root() {
        return root;
    }
}
