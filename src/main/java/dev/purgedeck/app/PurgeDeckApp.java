package dev.purgedeck.app;

import dev.purgedeck.settings.Pref;
import dev.purgedeck.settings.Preferences;
import dev.purgedeck.ui.ErrorReporter;
import dev.purgedeck.ui.AppShell;
import dev.purgedeck.ui.Theme;
import java.util.List;
import java.util.stream.IntStream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The JavaFX application: builds the context, shows the main window where it was left, and closes all on exit. */
public final class PurgeDeckApp extends Application {
    /** The stores and the session, opened while the toolkit starts rather than after it (start-up time). */
    private static java.util.concurrent.CompletableFuture<AppContext> opening;
    private AppContext context;

    /** Starts the toolkit and blocks until the last window closes. */
    static void launchApp() {
        opening = java.util.concurrent.CompletableFuture.supplyAsync(() -> AppContext.start(System.getenv(), DataDirs.current()));
        Application.launch(PurgeDeckApp.class);
    }

    @Override
    public void start(Stage stage) {
        try {
            context = opening != null ? opening.join() : AppContext.start(System.getenv(), DataDirs.current());
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            Alert alert = new Alert(Alert.AlertType.ERROR, "PurgeDeck could not start: " + cause.getMessage());
            alert.setHeaderText("Start-up failed");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        new ErrorReporter(text -> context.connection().token().scrub(text)).install();
        Preferences prefs = context.preferences();
        // The theme is set before any view exists: the key editor picks its fallback colours when it is built.
        Theme.of(context.settings().get().theme(), context.env()).apply();
        AppShell shell = new AppShell(context, Platform::runLater, null);
        Scene scene = new Scene(shell.root(), prefs.get(Pref.WINDOW_WIDTH), prefs.get(Pref.WINDOW_HEIGHT));
        Theme.style(scene);
        stage.setTitle("PurgeDeck");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        restorePosition(stage, prefs);
        stage.setOnCloseRequest(e -> savePosition(stage, prefs));
        stage.show();
        // After the first frame: decoding seven PNGs costs 0.1-0.3 s that the window need not wait for.
        Platform.runLater(() -> stage.getIcons().setAll(windowIcons()));
    }

    /** Window icons in every size; made by icons/generate.sh from icons/purgedeck.svg. */
    static List<Image> windowIcons() {
        return IntStream.of(16, 24, 32, 48, 64, 128, 256)
                .mapToObj(size -> new Image(PurgeDeckApp.class.getResource(
                        "/dev/purgedeck/ui/icons/purgedeck-" + size + ".png").toExternalForm()))
                .toList();
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }

    private static void restorePosition(Stage stage, Preferences prefs) {
        double x = prefs.get(Pref.WINDOW_X);
        double y = prefs.get(Pref.WINDOW_Y);
        // Only where a screen still is: a monitor unplugged since last time must not hide the window.
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 100)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(prefs.get(Pref.WINDOW_MAXIMIZED));
    }

    private static void savePosition(Stage stage, Preferences prefs) {
        prefs.set(Pref.WINDOW_MAXIMIZED, stage.isMaximized());
        if (!stage.isMaximized()) {
            prefs.set(Pref.WINDOW_X, stage.getX());
            prefs.set(Pref.WINDOW_Y, stage.getY());
            prefs.set(Pref.WINDOW_WIDTH, stage.getWidth());
            prefs.set(Pref.WINDOW_HEIGHT, stage.getHeight());
        }
    }
}
