package dev.purgedeck.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Icons from the Feather pack, and icon buttons that always carry a tooltip and accessible text. */
public final class Icons {
    private Icons() {
    }

    public static FontIcon icon(Ikon ikon) {
        FontIcon i = new FontIcon(ikon);
        i.getStyleClass().add("icon");
        return i;
    }

    /** A button showing only an icon; {@code what} becomes its tooltip and what a screen reader says. */
    public static Button iconButton(Ikon ikon, String what) {
        Button b = new Button();
        b.setGraphic(icon(ikon));
        describe(b, what);
        b.getStyleClass().add("icon-button");
        return b;
    }

    public static void describe(Labeled control, String what) {
        control.setTooltip(new Tooltip(what));
        control.setAccessibleText(what);
    }
}
