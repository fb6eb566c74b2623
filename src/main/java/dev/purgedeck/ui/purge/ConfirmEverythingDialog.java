package dev.purgedeck.ui.purge;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks the user to type the service's name (or ID) before everything on it is purged; returns what they typed. */
final class ConfirmEverythingDialog extends Dialog<String> {
    static final ButtonType PURGE = new ButtonType("Purge everything", ButtonBar.ButtonData.OK_DONE);

    ConfirmEverythingDialog(PurgeViewModel vm, Window owner) {
        String word = vm.services().confirmationWord();
        initOwner(owner);
        setTitle("Purge everything?");
        setHeaderText("Purge everything on " + vm.services().choiceProperty().get() + "?");
        Label explain = new Label("Every cached object of this service is removed from Fastly at once. This cannot be "
                + "a soft purge and cannot be undone: requests go to your origin until the cache fills again, which "
                + "can mean a burst of origin load. It takes about 10–20 seconds to reach every edge.");
        explain.setWrapText(true);
        explain.setMaxWidth(460);
        Label ask = new Label("Type \u201c" + word + "\u201d to confirm (or the service ID):");
        ask.setId("confirmPrompt");
        TextField input = new TextField();
        input.setId("confirmInput");
        input.setPromptText(word);
        input.setAccessibleText("Type the service name to confirm");
        ask.setLabelFor(input);
        VBox content = new VBox(10, explain, ask, input);
        content.setPadding(new Insets(8, 0, 0, 0));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(PURGE, ButtonType.CANCEL);
        Node purge = getDialogPane().lookupButton(PURGE);
        purge.setId("confirmPurgeAll");
        purge.getStyleClass().add("danger");
        purge.setDisable(true);
        input.textProperty().addListener((o, a, typed) -> purge.setDisable(!vm.confirmsEverything(typed)));
        setResultConverter(b -> b == PURGE ? input.getText() : null);
        setOnShown(e -> input.requestFocus());
    }

    /** Shows the dialog and, when confirmed, starts the purge. */
    static void confirmAndPurge(PurgeViewModel vm, Window owner) {
        Optional<String> typed = new ConfirmEverythingDialog(vm, owner).showAndWait();
        typed.ifPresent(vm::purgeEverything);
    }
}
