package dev.purgedeck.settings;

import java.util.Locale;
import java.util.Optional;

/** The theme the user chose: light, dark, or whatever the operating system uses. */
public enum ThemeMode {
    LIGHT, DARK, SYSTEM;

    /** The word stored in settings.json: light, dark or system. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ThemeMode> parse(String id) {
        for (ThemeMode m : values()) {
            if (m.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
