package dev.purgedeck.ui;

import dev.purgedeck.app.AppContext;
import dev.purgedeck.settings.Profile;
import java.util.concurrent.Executor;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;

/**
 * Holds the main window and rebuilds it when the user switches profile, so every screen (services, console,
 * endpoint badge, token) follows the new connection without a restart. The stores stay; only the session changes.
 */
public final class AppShell {
    private final AppContext context;
    private final Executor fx;
    private final Dialogs dialogs;
    private final StackPane root = new StackPane();
    private MainWindow window;

    /** @param dialogs null for real JavaFX dialogs */
    public AppShell(AppContext context, Executor fx, Dialogs dialogs) {
        this.context = context;
        this.fx = fx;
        this.dialogs = dialogs != null ? dialogs : new FxDialogs(() -> root.getScene() == null ? null : root.getScene().getWindow());
        root.setId("appShell");
        show();
        context.startupProblem().ifPresent(p -> window.purge().reportProblem(p));
    }

    public Parent root() {
        return root;
    }

    /** The window showing now. */
    public MainWindow window() {
        return window;
    }

    /** Switches to {@code profile} unless a purge is running; a profile that cannot be used is explained. */
    public void switchTo(Profile profile) {
        if (window.purge().results().runningProperty().get()) {
            dialogs.inform("A purge is running", "Wait for the purge to finish, or cancel it, before switching profile.");
            show();
            return;
        }
        try {
            context.switchTo(profile);
        } catch (Exception e) {
            dialogs.inform("Could not switch to \u201c" + profile.name() + "\u201d", e.getMessage());
        }
        show();
    }

    private void show() {
        if (window != null) {
            window.dispose();
        }
        window = new MainWindow(context, fx, dialogs, this::switchTo);
        root.getChildren().setAll(window.root());
    }

    /** Lets go of the stores (on exit). */
    public void dispose() {
        window.dispose();
    }
}
