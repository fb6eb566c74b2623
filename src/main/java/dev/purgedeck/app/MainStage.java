package dev.purgedeck.app;

import dev.purgedeck.context.AppContext;
import dev.purgedeck.settings.Pref;
import dev.purgedeck.settings.RememberedState;
import dev.purgedeck.ui.ProfileShell;
import dev.purgedeck.ui.StartupView;
import dev.purgedeck.ui.common.Dialogs;
import dev.purgedeck.ui.common.Theme;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The main window. It appears as soon as the settings are read (theme, size, place), showing the start-up view
 * while the history, key sets and connection open on another thread, then shows the console in the same window.
 * It remembers its size, place and maximised state.
 */
final class MainStage {
    private final Stage stage;
    private final RememberedState prefs;
    private final StartupView startup = new StartupView();
    private final Scene scene;
    /** Completes once the start-up view has been laid out for its first frame: the console waits for that. */
    private final CompletableFuture<Void> startupLaidOut = new CompletableFuture<>();
    private volatile AppContext context;

    /** Applies the theme and sets the stage up (not shown yet). */
    MainStage(Stage stage, AppContext.Basics basics, Map<String, String> env) {
        this.stage = stage;
        this.prefs = basics.preferences();
        // The theme is set before any view exists: the key editor picks its fallback colours when it is built.
        Theme.of(basics.settings().get().theme(), env).apply();
        scene = new Scene(startup.root());
        Theme.style(scene);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            startupLaidOut.complete(null);
        };
        scene.addPostLayoutPulseListener(once[0]);
        stage.setTitle("PurgeDeck");
        stage.setScene(scene);
        restorePosition(stage, prefs);
        stage.setOnCloseRequest(e -> savePosition(stage, prefs));
    }

    void show() {
        stage.show();
    }

    /**
     * Shows the console once {@code opening} completes, or, if it fails, why, with a Quit button that runs
     * {@code quit}. The result completes, on the JavaFX thread, with the console's shell.
     *
     * @param dialogs null for real JavaFX dialogs
     */
    CompletableFuture<ProfileShell> open(CompletableFuture<AppContext> opening, Dialogs dialogs, Runnable quit) {
        CompletableFuture<ProfileShell> shown = new CompletableFuture<>();
        // Not before the start-up view's first frame: building the console takes the JavaFX thread for a second or
        // so, and the window would stay blank meanwhile.
        opening.whenComplete((ctx, error) -> startupLaidOut.thenRun(() -> Platform.runLater(() -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                startup.failed(cause.getMessage() == null ? cause.toString() : cause.getMessage(), quit);
                shown.completeExceptionally(cause);
                return;
            }
            context = ctx;
            try {
                ProfileShell shell = new ProfileShell(ctx, Platform::runLater, dialogs);
                scene.setRoot(shell.root());
                shown.complete(shell);
            } catch (RuntimeException | LinkageError e) {
                // A class that fails to load or initialise too: the window must say so, not stay on "Opening".
                startup.failed(e.getMessage() == null ? e.toString() : e.getMessage(), quit);
                shown.completeExceptionally(e);
            }
        })));
        return shown;
    }

    /** The context, once open. */
    AppContext context() {
        return context;
    }

    Scene scene() {
        return scene;
    }

    private static void restorePosition(Stage stage, RememberedState prefs) {
        // Fitted to the screen it opens on: a smaller screen, or a monitor unplugged since last time, must neither
        // hide the window nor push its Purge button off the screen.
        WindowPlacement place = WindowPlacement.fit(prefs.get(Pref.WINDOW_X), prefs.get(Pref.WINDOW_Y),
                prefs.get(Pref.WINDOW_WIDTH), prefs.get(Pref.WINDOW_HEIGHT),
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList(), Screen.getPrimary().getVisualBounds());
        stage.setMinWidth(place.minWidth());
        stage.setMinHeight(place.minHeight());
        stage.setX(place.x());
        stage.setY(place.y());
        stage.setWidth(place.width());
        stage.setHeight(place.height());
        stage.setMaximized(prefs.get(Pref.WINDOW_MAXIMIZED));
    }

    private static void savePosition(Stage stage, RememberedState prefs) {
        prefs.set(Pref.WINDOW_MAXIMIZED, stage.isMaximized());
        if (!stage.isMaximized()) {
            prefs.set(Pref.WINDOW_X, stage.getX());
            prefs.set(Pref.WINDOW_Y, stage.getY());
            prefs.set(Pref.WINDOW_WIDTH, stage.getWidth());
            prefs.set(Pref.WINDOW_HEIGHT, stage.getHeight());
        }
    }
}
