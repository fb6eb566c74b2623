package dev.purgedeck.context;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where PurgeDeck keeps its files: $PURGEDECK_HOME, else the platform's per-user data folder. */
public final class DataDirs {
    public static final String HOME_VARIABLE = "PURGEDECK_HOME";

    private DataDirs() {
    }

    /** The data directory for this environment; it is not created here. */
    public static Path resolve(Map<String, String> env, String osName, String userHome) {
        String explicit = env.get(HOME_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "PurgeDeck") : Path.of(userHome, "AppData", "Roaming", "PurgeDeck");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "PurgeDeck");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "purgedeck") : Path.of(userHome, ".local", "share", "purgedeck");
    }

    /** The data directory of the running process. */
    public static Path current() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }
}
