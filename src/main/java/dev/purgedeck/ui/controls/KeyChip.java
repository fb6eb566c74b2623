package dev.purgedeck.ui.controls;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;

/** One key shown as a chip: its text and a × button; user data is its {@link KeyEntry}. */
final class KeyChip extends HBox {
    // Longer keys are shortened in the middle (a Text, unlike a Label, cannot ellipsize), the whole key in a tooltip.
    private static final int SHOWN_CHARS = 40;

    private final KeyChipRemove remove;
    private final Tooltip tooltip;

    KeyChip(KeyEntry entry, Consumer<KeyEntry> onRemove) {
        getStyleClass().add("key-chip");
        setUserData(entry);
        setAlignment(Pos.CENTER_LEFT);

        String key = entry.key();
        // A Text rather than a Label: a Label's skin and CSS cost several times more, and chips come by the hundred.
        Text text = new Text(shorten(key, SHOWN_CHARS));
        text.getStyleClass().add("key-chip-text");
        String full = key.length() > SHOWN_CHARS ? shorten(key, 80) : null;
        if (!entry.valid()) {
            getStyleClass().add("key-chip-invalid");
            String reason = "Not sent: key " + entry.problem();
            tooltip = new Tooltip(full == null ? reason : full + "\n" + reason);
            text.setAccessibleText(shorten(key, 80) + ", invalid: " + entry.problem());
        } else {
            tooltip = full == null ? null : new Tooltip(full);
            text.setAccessibleText(shorten(key, 80));
        }
        if (tooltip != null) {
            Tooltip.install(text, tooltip);
        }
        remove = new KeyChipRemove("Remove key " + shorten(key, 80), () -> onRemove.accept(entry));
        getChildren().addAll(text, remove);
    }

    KeyChipRemove removeButton() {
        return remove;
    }

    /** The reason (invalid) or full key (long) shown on hover; null for a short valid key. */
    Tooltip tooltip() {
        return tooltip;
    }

    /** {@code key} cut to {@code max} characters with an ellipsis in the middle, where keys differ least often. */
    static String shorten(String key, int max) {
        if (key.length() <= max) {
            return key;
        }
        int head = (max - 1) / 2;
        return key.substring(0, head) + "…" + key.substring(key.length() - (max - 1 - head));
    }
}
