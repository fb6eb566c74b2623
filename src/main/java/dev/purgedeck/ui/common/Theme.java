package dev.purgedeck.ui.common;

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

    /**
     * The theme for a setting; "follow the system" reads GTK_THEME (e.g. "Adwaita:dark"), since JavaFX 21 has no
     * colour-scheme API (it came in 22), and falls back to light.
     */
    public static Theme of(dev.purgedeck.settings.ThemeMode mode, java.util.Map<String, String> env) {
        return switch (mode) {
            case LIGHT -> LIGHT;
            case DARK -> DARK;
            case SYSTEM -> env.getOrDefault("GTK_THEME", "").toLowerCase(java.util.Locale.ROOT).contains("dark") ? DARK : LIGHT;
        };
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
