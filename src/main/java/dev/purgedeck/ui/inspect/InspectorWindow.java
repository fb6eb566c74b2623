package dev.purgedeck.ui.inspect;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The inspector's own window beside the main one, so the console stays usable while a page is looked at; one per
 * main window, made when first needed and reused.
 */
public final class InspectorWindow {
    private final InspectorViewModel vm;
    private final Supplier<Window> owner;
    private Stage stage;

    public InspectorWindow(InspectorViewModel vm, Supplier<Window> owner) {
        this.vm = vm;
        this.owner = owner;
    }

    /** Inspects {@code url} and brings the inspector forward. */
    public void inspect(String url) {
        vm.inspect(url);
        show();
    }

    /** Shows the inspector (as it is) in front. */
    public void show() {
        if (stage == null) {
            stage = new Stage();
            stage.setTitle("PurgeDeck — Inspect a page");
            Window w = owner.get();
            Scene scene = new Scene(new InspectorView(vm).root(), 720, 600);
            if (w != null) {
                stage.initOwner(w);
                if (w.getScene() != null) {
                    // The app's theme and styles (key chips) come with the main window's stylesheets.
                    scene.getStylesheets().setAll(w.getScene().getStylesheets());
                }
            }
            stage.setScene(scene);
        }
        stage.show();
        stage.toFront();
    }

    /** Closes the window, when the main window is replaced or closed. */
    public void close() {
        Stage s = stage;
        if (s == null) {
            return;
        }
        // The window may be replaced from any thread (tests dispose it from theirs); a stage closes on the FX thread.
        if (Platform.isFxApplicationThread()) {
            s.close();
        } else {
            Platform.runLater(s::close);
        }
    }
}
