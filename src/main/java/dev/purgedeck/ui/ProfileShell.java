package dev.purgedeck.ui;

import dev.purgedeck.context.AppContext;
import dev.purgedeck.settings.Profile;
import dev.purgedeck.ui.common.Dialogs;
import dev.purgedeck.ui.common.FxDialogs;
import dev.purgedeck.ui.controls.UiTasks;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Holds the main window and rebuilds it when the user switches profile, so every screen (services, console,
 * endpoint badge, token) follows the new connection without a restart. The stores stay; only the session changes.
 * Opening the new session (reading its token, saving the choice, perhaps starting the sandbox) runs in the
 * background while the window shows that it is busy; the new window is built on the UI thread when it is done.
 */
public final class ProfileShell {
    private final AppContext context;
    private final Executor fx;
    private final Dialogs dialogs;
    private final StackPane root = new StackPane();
    private final UiTasks tasks;
    private final ReadOnlyBooleanWrapper switching = new ReadOnlyBooleanWrapper();
    private final VBox busy = new VBox(10);
    private final Label busyText = new Label();
    private MainView window;

    /** @param dialogs null for real JavaFX dialogs */
    public ProfileShell(AppContext context, Executor fx, Dialogs dialogs) {
        this.context = context;
        this.fx = fx;
        this.dialogs = dialogs != null ? dialogs : new FxDialogs(() -> root.getScene() == null ? null : root.getScene().getWindow());
        this.tasks = new UiTasks(context.background(), fx);
        root.setId("appShell");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        busyText.setId("profileSwitchStatus");
        busy.getChildren().setAll(spinner, busyText);
        busy.setId("profileSwitching");
        busy.setAlignment(Pos.CENTER);
        busy.getStyleClass().add("busy-overlay");
        show();
        context.startupProblem().ifPresent(p -> window.purge().reportProblem(p));
    }

    public Parent root() {
        return root;
    }

    /** The window showing now. */
    public MainView window() {
        return window;
    }

    /** True while a profile switch opens the new session; the window is disabled meanwhile. */
    public ReadOnlyBooleanProperty switchingProperty() {
        return switching.getReadOnlyProperty();
    }

    /** Switches to {@code profile} unless a purge is running; a profile that cannot be used is explained. */
    public void switchTo(Profile profile) {
        if (switching.get()) {
            return; // one switch at a time; the window is disabled meanwhile anyway
        }
        if (window.purge().results().runningProperty().get()) {
            dialogs.inform("A purge is running", "Wait for the purge to finish, or cancel it, before switching profile.");
            show();
            return;
        }
        switching.set(true);
        busyText.setText("Switching to \u201c" + profile.name() + "\u201d\u2026");
        window.root().setDisable(true);
        root.getChildren().add(busy);
        tasks.run(() -> context.switchTo(profile), session -> switched(), e -> {
            switched();
            dialogs.inform("Could not switch to \u201c" + profile.name() + "\u201d", e.getMessage());
        });
    }

    private void switched() {
        switching.set(false);
        show();
    }

    private void show() {
        // What was typed in the console survives the rebuild; only the connection changes.
        java.util.Optional<dev.purgedeck.ui.purge.PurgeViewModel.Input> typed =
                java.util.Optional.ofNullable(window).map(w -> w.purge().input());
        if (window != null) {
            window.dispose();
        }
        window = new MainView(context, fx, dialogs, this::switchTo);
        typed.ifPresent(window.purge()::restore);
        root.getChildren().setAll(window.root());
    }

    /** Lets go of the stores (on exit). */
    public void dispose() {
        window.dispose();
    }
}
