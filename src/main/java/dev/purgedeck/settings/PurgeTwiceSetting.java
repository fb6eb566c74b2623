package dev.purgedeck.settings;

import dev.purgedeck.fastly.PurgeKind;
import java.time.Duration;
import java.util.Objects;

/**
 * Whether a service is purged twice, and how far apart: Fastly advises a second purge on shielded services, about
 * 2 s after the first for URLs and keys and about 30 s for purge-all (docs/fastly-edge.md §2). An entry that is off
 * still says the user decided ("Not now", or turned it off), so the console does not offer it again.
 *
 * @param serviceId        the service's ID
 * @param serviceName      its name when the setting was made (shown in Settings; may be empty)
 * @param on               whether purges of this service are sent twice
 * @param urlDelaySeconds  the pause before the second purge of URLs and keys
 * @param allDelaySeconds  the pause before the second purge-all
 */
public record PurgeTwiceSetting(String serviceId, String serviceName, boolean on, int urlDelaySeconds,
                                int allDelaySeconds) {
    public static final int DEFAULT_URL_DELAY = 2;
    public static final int MIN_URL_DELAY = 1;
    public static final int MAX_URL_DELAY = 120;
    public static final int DEFAULT_ALL_DELAY = 30;
    public static final int MIN_ALL_DELAY = 5;
    public static final int MAX_ALL_DELAY = 600;

    public PurgeTwiceSetting {
        if (serviceId == null || serviceId.isBlank()) {
            throw new IllegalArgumentException("Purge twice needs a service.");
        }
        serviceName = Objects.requireNonNullElse(serviceName, "");
        check(urlDelaySeconds, MIN_URL_DELAY, MAX_URL_DELAY, "URLs and keys");
        check(allDelaySeconds, MIN_ALL_DELAY, MAX_ALL_DELAY, "purge everything");
    }

    /** On, with Fastly's advised delays. */
    public static PurgeTwiceSetting advised(String serviceId, String serviceName) {
        return new PurgeTwiceSetting(serviceId, serviceName, true, DEFAULT_URL_DELAY, DEFAULT_ALL_DELAY);
    }

    /** Off, and not to be offered again ("Not now"). */
    public static PurgeTwiceSetting declined(String serviceId, String serviceName) {
        return new PurgeTwiceSetting(serviceId, serviceName, false, DEFAULT_URL_DELAY, DEFAULT_ALL_DELAY);
    }

    public PurgeTwiceSetting withOn(boolean value) {
        return new PurgeTwiceSetting(serviceId, serviceName, value, urlDelaySeconds, allDelaySeconds);
    }

    public PurgeTwiceSetting withUrlDelay(int seconds) {
        return new PurgeTwiceSetting(serviceId, serviceName, on, seconds, allDelaySeconds);
    }

    public PurgeTwiceSetting withAllDelay(int seconds) {
        return new PurgeTwiceSetting(serviceId, serviceName, on, urlDelaySeconds, seconds);
    }

    /** The pause before the second purge of this kind. */
    public Duration delayFor(PurgeKind kind) {
        return Duration.ofSeconds(kind == PurgeKind.ALL ? allDelaySeconds : urlDelaySeconds);
    }

    /** "Daily Courier — www" or, without a name, the ID. */
    public String label() {
        return serviceName.isBlank() ? serviceId : serviceName;
    }

    /**
     * Reads a delay typed into a field, in whole seconds, for URLs and keys ({@code all} false) or purge-all.
     *
     * @throws IllegalArgumentException with a plain message saying the allowed range
     */
    public static int parseDelay(String typed, boolean all) {
        String t = typed == null ? "" : typed.strip();
        if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        int min = all ? MIN_ALL_DELAY : MIN_URL_DELAY;
        int max = all ? MAX_ALL_DELAY : MAX_URL_DELAY;
        String what = all ? "purge everything" : "URLs and keys";
        try {
            int n = Integer.parseInt(t);
            check(n, min, max, what);
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(range(min, max, what));
        }
    }

    private static void check(int seconds, int min, int max, String what) {
        if (seconds < min || seconds > max) {
            throw new IllegalArgumentException(range(min, max, what));
        }
    }

    private static String range(int min, int max, String what) {
        return "The pause for " + what + " must be " + min + " to " + max + " seconds.";
    }
}
