package dev.purgedeck.ui.common;

import dev.purgedeck.files.Logs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.UnaryOperator;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;

/**
 * The last line of defence: an exception nobody caught is logged and shown as a plain-language dialog instead of
 * silently breaking the window. Both texts pass through {@code scrub}, so a token can never reach them.
 */
public final class ErrorReporter implements Thread.UncaughtExceptionHandler {
    private static final System.Logger LOG = Logs.of(ErrorReporter.class);

    private final UnaryOperator<String> scrub;

    public ErrorReporter(UnaryOperator<String> scrub) {
        this.scrub = scrub;
    }

    /** Installs this reporter for every thread, the FX thread included. */
    public void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String details = scrub.apply(trace.toString());
        LOG.log(System.Logger.Level.ERROR, "Unexpected error on " + thread.getName() + ":\n" + details);
        if (Platform.isFxApplicationThread()) {
            show(error, details);
        } else {
            Platform.runLater(() -> show(error, details));
        }
    }

    private void show(Throwable error, String details) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("PurgeDeck");
        alert.setHeaderText("Something went wrong");
        String what = error.getMessage() == null ? error.getClass().getSimpleName() : scrub.apply(error.getMessage());
        alert.setContentText("PurgeDeck hit an unexpected problem and stopped what it was doing: " + what
                + "\n\nYour purge history is safe. If this keeps happening, copy the details below into a bug report.");
        TextArea text = new TextArea(details);
        text.setEditable(false);
        text.setWrapText(false);
        alert.getDialogPane().setExpandableContent(text);
        alert.show();
    }
}
