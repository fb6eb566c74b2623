package dev.purgedeck.settings;

import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.RetryPolicy;
import java.util.Objects;

/**
 * The choices on the settings screen. The history's location is not among them: it is shown, not chosen (see
 * {@link SettingsStore}).
 *
 * @param defaultSoft  whether a new purge starts as a soft purge (mark stale) rather than a hard one
 * @param concurrency  how many purge requests a job keeps in flight, 1 to 32
 * @param confirmAbove a purge of more URLs or keys than this asks for confirmation first; 0 asks every time
 * @param theme        light, dark, or follow the system
 * @param requestTimeoutSeconds how long one request may take before it counts as failed (and may be retried)
 * @param retries      how often a request that timed out or met a server error is tried again
 * @param deadlineMinutes a job stops sending after this many minutes, its unsent items marked so; 0 for none
 */
public record Settings(boolean defaultSoft, int concurrency, int confirmAbove, ThemeMode theme,
                       int requestTimeoutSeconds, int retries, int deadlineMinutes) {
    public static final int MIN_CONCURRENCY = 1;
    public static final int MAX_CONCURRENCY = 32;
    public static final int MAX_CONFIRM_ABOVE = 1_000_000;
    public static final int MAX_TIMEOUT_SECONDS = 300;
    public static final int MAX_RETRIES = 10;
    public static final int MAX_DEADLINE_MINUTES = 24 * 60;
    static final int DEFAULT_TIMEOUT_SECONDS = 30;
    static final int DEFAULT_RETRIES = 2;

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
        if (requestTimeoutSeconds < 1 || requestTimeoutSeconds > MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("The request timeout must be between 1 and " + MAX_TIMEOUT_SECONDS
                    + " seconds.");
        }
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new IllegalArgumentException("Retries must be between 0 and " + MAX_RETRIES + ".");
        }
        if (deadlineMinutes < 0 || deadlineMinutes > MAX_DEADLINE_MINUTES) {
            throw new IllegalArgumentException("The job deadline must be between 0 (none) and " + MAX_DEADLINE_MINUTES
                    + " minutes.");
        }
    }

    /** The settings with the client's defaults for timeout and retries and no deadline. */
    public Settings(boolean defaultSoft, int concurrency, int confirmAbove, ThemeMode theme) {
        this(defaultSoft, concurrency, confirmAbove, theme, DEFAULT_TIMEOUT_SECONDS, DEFAULT_RETRIES, 0);
    }

    /** Hard purges, 16 requests in flight (the client's default), confirm above 500, follow the system's theme. */
    public static Settings defaults() {
        return new Settings(false, JobRequest.DEFAULT_CONCURRENCY, 500, ThemeMode.SYSTEM);
    }

    public Settings withDefaultSoft(boolean value) {
        return new Settings(value, concurrency, confirmAbove, theme,
                requestTimeoutSeconds, retries, deadlineMinutes);
    }

    public Settings withConcurrency(int value) {
        return new Settings(defaultSoft, value, confirmAbove, theme,
                requestTimeoutSeconds, retries, deadlineMinutes);
    }

    public Settings withConfirmAbove(int value) {
        return new Settings(defaultSoft, concurrency, value, theme,
                requestTimeoutSeconds, retries, deadlineMinutes);
    }

    public Settings withTheme(ThemeMode value) {
        return new Settings(defaultSoft, concurrency, confirmAbove, value,
                requestTimeoutSeconds, retries, deadlineMinutes);
    }

    public Settings withRequestTimeoutSeconds(int value) {
        return new Settings(defaultSoft, concurrency, confirmAbove, theme, value, retries, deadlineMinutes);
    }

    public Settings withRetries(int value) {
        return new Settings(defaultSoft, concurrency, confirmAbove, theme, requestTimeoutSeconds, value,
                deadlineMinutes);
    }

    public Settings withDeadlineMinutes(int value) {
        return new Settings(defaultSoft, concurrency, confirmAbove, theme, requestTimeoutSeconds, retries, value);
    }

    /** The retry policy these settings ask for: the client's default pacing, with this many retries. */
    public RetryPolicy retryPolicy() {
        RetryPolicy d = RetryPolicy.DEFAULT;
        return new RetryPolicy(retries + 1, d.baseDelay(), d.maxDelay(), d.maxRateLimitWait(), d.maxRateLimitWaits());
    }

    /** Whether a purge of {@code count} URLs or keys should ask first. */
    public boolean needsConfirmation(int count) {
        return count > confirmAbove;
    }
}
