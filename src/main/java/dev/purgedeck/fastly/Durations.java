package dev.purgedeck.fastly;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes durations the way people type them in a shell or a settings box: 500ms, 30s, 5m, 2h. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d{1,6})\\s*(ms|s|m|min|h)");

    private Durations() {
    }

    /** The duration {@code text} stands for, or empty when it is not one of the forms above. */
    public static Optional<Duration> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        });
    }

    /** "5m", "30s", "1h30m", "250ms": short, and readable back by {@link #parse} when it is one unit. */
    public static String describe(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.toSeconds();
        StringBuilder b = new StringBuilder();
        if (s >= 3600) {
            b.append(s / 3600).append('h');
        }
        if (s % 3600 >= 60) {
            b.append(s % 3600 / 60).append('m');
        }
        if (s % 60 != 0 || s == 0) {
            b.append(s % 60).append('s');
        }
        return b.toString();
    }
}
