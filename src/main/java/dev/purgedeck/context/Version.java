package dev.purgedeck.context;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application's version, read once from the filtered {@code version.properties} resource. */
public final class Version {
    private static final String VALUE = load();

    private Version() {
    }

    /** The version from the pom, or {@code "dev"} when run from unfiltered sources. */
    public static String get() {
        return VALUE;
    }

    /** What PurgeDeck sends as its User-Agent: "PurgeDeck/0.1.0 (Java 17)". */
    public static String userAgent() {
        return "PurgeDeck/" + VALUE + " (Java " + Runtime.version().feature() + ")";
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
