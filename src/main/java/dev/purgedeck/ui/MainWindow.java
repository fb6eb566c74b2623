package dev.purgedeck.ui;

import dev.purgedeck.app.AppContext;
import dev.purgedeck.settings.Connection;
import dev.purgedeck.settings.EnvironmentConnection;
import dev.purgedeck.settings.Pref;
import dev.purgedeck.settings.Preferences;
import dev.purgedeck.ui.purge.PurgeView;
import dev.purgedeck.ui.purge.PurgeViewModel;
import dev.purgedeck.ui.purge.SandboxCacheModel;
import dev.purgedeck.ui.purge.ServiceSelectorModel;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/** The main window's content: a header saying where PurgeDeck is connected, and the purge console. */
public final class MainWindow {
    private final BorderPane root = new BorderPane();
    private final PurgeViewModel purge;
    private final ConnectionModel connection;

    /** The window for the running app, crossing to the FX thread with {@code Platform.runLater}. */
    public MainWindow(AppContext context) {
        this(context, Platform::runLater);
    }

    public MainWindow(AppContext context, Executor fx) {
        Preferences prefs = context.preferences();
        connection = new ConnectionModel(context.connection(), context.client(), fx);
        ServiceSelectorModel services = new ServiceSelectorModel(context.client(), fx, prefs,
                EnvironmentConnection.serviceId(context.env()), context.sandbox().isPresent());
        purge = new PurgeViewModel(services, context.runner(), fx, prefs, context.concurrency());
        PurgeView view = new PurgeView(purge, context.sandbox().map(SandboxCacheModel::new));
        root.setTop(header(prefs));
        root.setCenter(view.root());
        root.getStyleClass().add("main-window");
        connection.check();
        services.load();
    }

    public Parent root() {
        return root;
    }

    public PurgeViewModel purge() {
        return purge;
    }

    private HBox header(Preferences prefs) {
        Label title = new Label("PurgeDeck");
        title.getStyleClass().add("app-title");
        Label badge = new Label(connection.badge());
        badge.setId("endpointBadge");
        badge.getStyleClass().addAll("badge", connection.kind() == Connection.Kind.SANDBOX ? "badge-sandbox"
                : connection.kind() == Connection.Kind.FASTLY ? "badge-fastly" : "badge-custom");
        Label endpoint = new Label(connection.endpoint());
        endpoint.setId("endpointUrl");
        endpoint.getStyleClass().add("muted");
        Label token = new Label();
        token.setId("tokenOwner");
        token.textProperty().bind(connection.tokenTextProperty());
        connection.tokenProblemProperty().addListener((o, a, bad) -> {
            token.getStyleClass().remove("error-text");
            if (bad) {
                token.getStyleClass().add("error-text");
            }
        });
        Button themeToggle = Icons.iconButton(Feather.MOON, "Switch between light and dark theme");
        themeToggle.setId("themeToggle");
        themeToggle.setOnAction(e -> {
            Theme next = Theme.parse(prefs.get(Pref.THEME)) == Theme.DARK ? Theme.LIGHT : Theme.DARK;
            prefs.set(Pref.THEME, next.id());
            next.apply();
            themeToggle.setGraphic(Icons.icon(next == Theme.DARK ? Feather.SUN : Feather.MOON));
        });
        themeToggle.setGraphic(Icons.icon(Theme.parse(prefs.get(Pref.THEME)) == Theme.DARK ? Feather.SUN : Feather.MOON));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, badge, endpoint, spacer, token, themeToggle);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 12, 8, 12));
        header.getStyleClass().add("app-header");
        return header;
    }
}
