package dev.purgedeck.ui.controls;

import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyEvent;

/** The key editor's text field: turns typed or pasted text into keys as soon as it holds a separator. */
final class KeyInputField extends TextField {
    private final KeyTagViewModel model;

    KeyInputField(KeyTagViewModel model) {
        this.model = model;
        setId("keyInput");
        getStyleClass().add("key-input");
        setPromptText("Type a key and press Enter, or paste a list");
        setAccessibleText("Surrogate keys");
        // A filter sees every insertion (typing, paste from keys or context menu, IME, drag and drop) with the raw text,
        // line breaks included (the field strips them only afterwards), so a pasted list arrives whole.
        setTextFormatter(new TextFormatter<String>(this::commitOnSeparator));
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyPressed);
    }

    private TextFormatter.Change commitOnSeparator(TextFormatter.Change change) {
        if (!change.isContentChange() || !KeySplitter.containsSeparator(change.getText())) {
            return change;
        }
        // A separator typed or pasted anywhere, even mid-word, commits everything the field would then hold.
        model.addText(change.getControlNewText());
        change.setRange(0, change.getControlText().length());
        change.setText("");
        change.setCaretPosition(0);
        change.setAnchor(0);
        return change;
    }

    private void onKeyPressed(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        switch (e.getCode()) {
            // With text, Enter and Tab commit it; with none they keep their usual jobs (default button, focus move).
            case ENTER, TAB -> {
                if (!getText().isBlank()) {
                    model.addText(getText());
                    clear();
                    e.consume();
                }
            }
            case BACK_SPACE -> {
                if (getText().isEmpty() && model.removeLast()) {
                    e.consume();
                }
            }
            default -> {
            }
        }
    }
}
