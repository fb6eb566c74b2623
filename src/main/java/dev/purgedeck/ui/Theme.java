package dev.purgedeck.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** The light and dark themes (AtlantaFX Primer) plus PurgeDeck's own stylesheet. */
public enum Theme {
    LIGHT, DARK;

    private static final String APP_CSS = Theme.class.getResource("app.css").toExternalForm();

    /** Applies this theme to the whole application. */
    public void apply() {
        Application.setUserAgentStylesheet(this == DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds PurgeDeck's stylesheet to a scene (once). */
    public static void style(Scene scene) {
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
    }

    public static Theme parse(String name) {
        return "dark".equalsIgnoreCase(name) ? DARK : LIGHT;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
