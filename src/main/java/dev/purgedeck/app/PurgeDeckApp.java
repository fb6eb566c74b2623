package dev.purgedeck.app;

import dev.purgedeck.ui.MainWindow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/** The JavaFX application: builds the context, shows the main window, and closes everything on exit. */
public final class PurgeDeckApp extends Application {
    private AppContext context;

    /** Starts the toolkit and blocks until the last window closes. */
    static void launchApp() {
        Application.launch(PurgeDeckApp.class);
    }

    @Override
    public void start(Stage stage) {
        try {
            context = AppContext.start(System.getenv(), DataDirs.current());
        } catch (Exception e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, "PurgeDeck could not start: " + e.getMessage());
            alert.setHeaderText("Start-up failed");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        MainWindow window = new MainWindow(context);
        stage.setTitle("PurgeDeck");
        stage.setScene(new Scene(window.root(), 1100, 720));
        stage.show();
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
