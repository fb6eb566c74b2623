package dev.purgedeck.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link Dialogs} with real JavaFX windows, owned by the main window. */
public final class FxDialogs implements Dialogs {
    private final Supplier<Window> owner;

    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> saveFile(String title, String suggestedName, String description, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
        File f = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> openFile(String title, String description, String... extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        String[] patterns = java.util.Arrays.stream(extensions).map(e -> "*." + e).toArray(String[]::new);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        File f = chooser.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public boolean confirm(String title, String question, String action) {
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, yes, ButtonType.CANCEL);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public Optional<String> askToType(String title, String header, String explanation, String prompt,
                                      String placeholder, Predicate<String> accepts, String action) {
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Dialog<String> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle(title);
        d.setHeaderText(header);
        Label explain = new Label(explanation);
        explain.setWrapText(true);
        explain.setMaxWidth(460);
        Label ask = new Label(prompt);
        ask.setId("confirmPrompt");
        TextField input = new TextField();
        input.setId("confirmInput");
        input.setPromptText(placeholder);
        input.setAccessibleText(prompt);
        ask.setLabelFor(input);
        VBox content = new VBox(10, explain, ask, input);
        content.setPadding(new Insets(8, 0, 0, 0));
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().setAll(yes, ButtonType.CANCEL);
        Node button = d.getDialogPane().lookupButton(yes);
        button.setId("confirmTyped");
        button.getStyleClass().add("danger");
        button.setDisable(true);
        input.textProperty().addListener((o, a, typed) -> button.setDisable(!accepts.test(typed)));
        d.setResultConverter(b -> b == yes ? input.getText() : null);
        d.setOnShown(e -> input.requestFocus());
        return d.showAndWait();
    }

    @Override
    public Optional<String> askText(String title, String question, String initial,
                                    java.util.function.Function<String, Optional<String>> check) {
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(initial);
        d.initOwner(owner.get());
        d.setTitle(title);
        d.setHeaderText(question);
        javafx.scene.control.Label why = new javafx.scene.control.Label();
        why.getStyleClass().add("error-text");
        why.setId("dialogProblem");
        why.setWrapText(true);
        javafx.scene.Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
        // OK waits for a valid text from the start, but the reason shows only once the user has typed: an error
        // about an empty name before anything was typed reads as a reproach.
        java.util.function.Consumer<Boolean> validate = typed -> {
            Optional<String> problem = check.apply(d.getEditor().getText());
            why.setText(typed ? problem.orElse("") : "");
            ok.setDisable(problem.isPresent());
        };
        d.getEditor().textProperty().addListener((o, a, b) -> validate.accept(true));
        d.getDialogPane().setContent(new javafx.scene.layout.VBox(8, d.getEditor(), why));
        d.getEditor().setId("dialogText");
        validate.accept(false);
        return d.showAndWait().map(String::strip);
    }

    @Override
    public <T> Optional<T> choose(String title, String question, java.util.List<T> options,
                                  java.util.function.Function<T, String> label) {
        java.util.List<ButtonType> buttons = new java.util.ArrayList<>();
        for (T option : options) {
            buttons.add(new ButtonType(label.apply(option), ButtonBar.ButtonData.OTHER));
        }
        buttons.add(ButtonType.CANCEL);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, buttons.toArray(ButtonType[]::new));
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().map(buttons::indexOf).filter(i -> i >= 0 && i < options.size()).map(options::get);
    }

    @Override
    public void inform(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message, ButtonType.OK);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.showAndWait();
    }
}
