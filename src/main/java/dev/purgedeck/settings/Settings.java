package dev.purgedeck.settings;

import dev.purgedeck.fastly.JobRequest;
import java.util.Objects;

/**
 * The choices on the settings screen. The history's location is not among them: it is shown, not chosen (see
 * {@link SettingsStore}).
 *
 * @param defaultSoft  whether a new purge starts as a soft purge (mark stale) rather than a hard one
 * @param concurrency  how many purge requests a job keeps in flight, 1 to 32
 * @param confirmAbove a purge of more URLs or keys than this asks for confirmation first; 0 asks every time
 * @param theme        light, dark, or follow the system
 */
public record Settings(boolean defaultSoft, int concurrency, int confirmAbove, ThemeMode theme) {
    public static final int MIN_CONCURRENCY = 1;
    public static final int MAX_CONCURRENCY = 32;
    public static final int MAX_CONFIRM_ABOVE = 1_000_000;

    public Settings {
        Objects.requireNonNull(theme, "theme");
        if (concurrency < MIN_CONCURRENCY || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("Concurrency must be between " + MIN_CONCURRENCY + " and "
                    + MAX_CONCURRENCY + ".");
        }
        if (confirmAbove < 0 || confirmAbove > MAX_CONFIRM_ABOVE) {
            throw new IllegalArgumentException("The confirmation threshold must be between 0 and " + MAX_CONFIRM_ABOVE
                    + ".");
        }
    }

    /** Hard purges, 16 requests in flight (the client's default), confirm above 500, follow the system's theme. */
    public static Settings defaults() {
        return new Settings(false, JobRequest.DEFAULT_CONCURRENCY, 500, ThemeMode.SYSTEM);
    }

    public Settings withDefaultSoft(boolean value) {
        return new Settings(value, concurrency, confirmAbove, theme);
    }

    public Settings withConcurrency(int value) {
        return new Settings(defaultSoft, value, confirmAbove, theme);
    }

    public Settings withConfirmAbove(int value) {
        return new Settings(defaultSoft, concurrency, value, theme);
    }

    public Settings withTheme(ThemeMode value) {
        return new Settings(defaultSoft, concurrency, confirmAbove, value);
    }

    /** Whether a purge of {@code count} URLs or keys should ask first. */
    public boolean needsConfirmation(int count) {
        return count > confirmAbove;
    }
}
