package dev.purgedeck.settings;

/**
 * A typed preference key with its default.
 *
 * @param name         the key in the preferences file
 * @param type         the value's type (String, Boolean, Integer or Double)
 * @param defaultValue the value when nothing is stored or the stored value is unreadable
 */
public record Pref<T>(String name, Class<T> type, T defaultValue) {
    public static final Pref<String> LAST_SERVICE_ID = new Pref<>("purge.lastServiceId", String.class, "");
    public static final Pref<String> LAST_MODE = new Pref<>("purge.mode", String.class, "URLS");
    /** The Verify switch beside Soft purge: on, URL purges are checked on the page afterwards. */
    public static final Pref<Boolean> VERIFY = new Pref<>("purge.verify", Boolean.class, true);
    /** Services typed by ID and named by the user, for tokens that cannot list services: "id\tname" lines. */
    public static final Pref<String> REMEMBERED_SERVICES = new Pref<>("services.remembered", String.class, "");
    /** Where the splitter between the console's input and its results sits, as a fraction of the height. */
    public static final Pref<Double> RESULTS_SPLIT = new Pref<>("purge.resultsSplit", Double.class, 0.55);
    public static final Pref<Double> WINDOW_X = new Pref<>("window.x", Double.class, Double.NaN);
    public static final Pref<Double> WINDOW_Y = new Pref<>("window.y", Double.class, Double.NaN);
    public static final Pref<Double> WINDOW_WIDTH = new Pref<>("window.width", Double.class, 1240.0);
    public static final Pref<Double> WINDOW_HEIGHT = new Pref<>("window.height", Double.class, 800.0);
    public static final Pref<Boolean> WINDOW_MAXIMIZED = new Pref<>("window.maximized", Boolean.class, false);
}
