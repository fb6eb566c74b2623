package dev.purgedeck.ui.controls;

import javafx.scene.AccessibleAction;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A chip's × button. Not a {@code Button}: with 200 chips a Button's skin and theme rules tripled the time to show a
 * pasted list, so this is a focusable, screen-reader-visible region that fires on click, Space or Enter.
 */
final class KeyChipRemove extends StackPane {
    private final String text;
    private final Runnable action;
    private Tooltip tooltip;

    KeyChipRemove(String text, Runnable action) {
        this.text = text;
        this.action = action;
        getStyleClass().add("key-chip-remove");
        getChildren().add(new FontIcon(Feather.X));
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.BUTTON);
        setAccessibleText(text);
        // The tooltip is made on first hover: two hundred unused Tooltip windows cost more than the chips themselves.
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> tooltip());
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                fire();
                e.consume();
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE || e.getCode() == KeyCode.ENTER) {
                fire();
                e.consume();
            }
        });
    }

    void fire() {
        action.run();
    }

    /** The "Remove key …" tooltip, installed on first use. */
    Tooltip tooltip() {
        if (tooltip == null) {
            tooltip = new Tooltip(text);
            Tooltip.install(this, tooltip);
        }
        return tooltip;
    }

    @Override
    public void executeAccessibleAction(AccessibleAction accessibleAction, Object... parameters) {
        if (accessibleAction == AccessibleAction.FIRE) {
            fire();
        } else {
            super.executeAccessibleAction(accessibleAction, parameters);
        }
    }
}
