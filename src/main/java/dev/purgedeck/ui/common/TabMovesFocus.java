package dev.purgedeck.ui.common;

import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Makes Tab in a text area move the focus, as it does in every other field, instead of typing a tab character that
 * no URL or key may hold; no Tab with Ctrl or Shift types one either.
 */
public final class TabMovesFocus {
    private static final boolean MAC = System.getProperty("os.name", "").startsWith("Mac");

    private TabMovesFocus() {
    }

    /** Installs the filters on {@code area}. */
    public static void install(TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isShortcutDown() && !e.isAltDown()) {
                e.consume();
                // The text area moves the focus on Shortcut+Tab (Shift for backwards): hand it that key instead.
                area.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, e.isShiftDown(), !MAC, false, MAC));
            }
        });
        area.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("\t".equals(e.getCharacter())) {
                e.consume();
            }
        });
    }
}
