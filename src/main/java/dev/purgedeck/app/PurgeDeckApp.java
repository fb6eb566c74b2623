package dev.purgedeck.app;

import dev.purgedeck.context.AppContext;
import dev.purgedeck.context.DataDirs;
import dev.purgedeck.context.StartupTrace;
import dev.purgedeck.ui.common.ErrorReporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The JavaFX application: shows the window as soon as the settings are read, opens the stores and the session
 * meanwhile, shows the console when they are open, and closes all on exit.
 */
public final class PurgeDeckApp extends Application {
    /**
     * Set by installer/build.sh for the run that lists the classes a start loads (the launcher's class-data-sharing
     * archive is made from that list): opens each tab in turn, as a user would, then quits.
     */
    static final String TRAINING_PROPERTY = "purgedeck.training";

    /** Settings, then the rest of the context: read while the toolkit starts rather than after it (start-up time). */
    private static CompletableFuture<AppContext.Basics> basics;
    private static CompletableFuture<AppContext> opening;
    private MainStage window;

    /** Starts the toolkit and blocks until the last window closes. */
    static void launchApp() {
        StartupTrace.mark("launching");
        startOpening();
        Application.launch(PurgeDeckApp.class);
    }

    private static synchronized void startOpening() {
        if (basics == null) {
            Map<String, String> env = System.getenv();
            Path dataDir = DataDirs.current();
            basics = CompletableFuture.supplyAsync(() -> AppContext.Basics.open(dataDir));
            opening = basics.thenApply(b -> AppContext.start(b, env, dataDir));
        }
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("toolkit started");
        startOpening();
        AppContext.Basics settings;
        try {
            settings = basics.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            Alert alert = new Alert(Alert.AlertType.ERROR, "PurgeDeck could not start: " + cause.getMessage());
            alert.setHeaderText("Start-up failed");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        new ErrorReporter(text -> {
            AppContext ctx = window == null ? null : window.context();
            return ctx == null ? text : ctx.connection().token().scrub(text);
        }).install();
        window = new MainStage(stage, settings, System.getenv());
        stage.setOnShown(e -> StartupTrace.mark("window shown"));
        window.show();
        // Decoding seven PNGs takes 0.1-0.3 s of the JavaFX thread: after the console's first frame, not before.
        Runnable icons = () -> stage.getIcons().setAll(windowIcons());
        window.open(opening, null, Platform::exit).whenComplete((shell, error) -> {
            if (error != null) {
                Platform.runLater(icons);
                return;
            }
            StartupTrace.mark("console built");
            Scene scene = window.scene();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                StartupTrace.mark("console laid out");
                Platform.runLater(icons);
            };
            scene.addPostLayoutPulseListener(once[0]);
            if (Boolean.getBoolean(TRAINING_PROPERTY)) {
                train(scene);
            }
        });
    }

    private static void train(Scene scene) {
        TabPane tabs = (TabPane) scene.lookup("#mainTabs");
        Timeline visit = new Timeline();
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int tab = i;
            visit.getKeyFrames().add(new KeyFrame(Duration.millis(1000 + 600 * i), e -> tabs.getSelectionModel().select(tab)));
        }
        visit.getKeyFrames().add(new KeyFrame(Duration.millis(1600 + 600 * tabs.getTabs().size()), e -> Platform.exit()));
        visit.play();
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
        // The context, if it has opened (Main exits the process right after, so one still opening needs nothing).
        if (opening != null && opening.isDone() && !opening.isCompletedExceptionally()) {
            // Closing writes what the history writer still holds and forces the stores to disk: not on the UI
            // thread, like every store write; the window is gone, so waiting for it here costs nobody anything.
            CompletableFuture.runAsync(opening.join()::close).join();
        } else if (basics != null && basics.isDone() && !basics.isCompletedExceptionally()) {
            // The window's size and place, saved on close, are still written (on the store writer's own thread).
            CompletableFuture.runAsync(basics.join()::close).join();
        }
    }
}
