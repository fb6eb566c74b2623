package dev.purgedeck.ui.purge;

import dev.purgedeck.fastly.RateLimitWait;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Puts a running job's pace into words: a 429 pause and when sending resumes, and on long jobs the rate, failures so
 * far and time left. Without it the progress stood still for the length of a pause with nothing saying why.
 */
final class JobPace {
    /** Below this many items a job is over before a rate means anything. */
    static final int LONG_JOB = 50;
    /** The app's time of day, as in History. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final Clock clock;
    private Instant started;
    private RateLimitWait wait;

    JobPace(Clock clock) {
        this.clock = clock;
    }

    void start() {
        started = clock.instant();
        wait = null;
    }

    void waiting(RateLimitWait w) {
        if (wait == null || w.resumeAt().isAfter(wait.resumeAt())) {
            wait = w;
        }
    }

    /** The words for {@code done} of {@code total} items with {@code failed} failures; empty when there is nothing to say. */
    String describe(int done, int total, long failed) {
        Instant now = clock.instant();
        if (wait != null && !now.isBefore(wait.resumeAt())) {
            wait = null;
        }
        List<String> parts = new ArrayList<>();
        Duration waitLeft = Duration.ZERO;
        if (wait != null) {
            waitLeft = Duration.between(now, wait.resumeAt());
            parts.add("Fastly asked us to wait " + seconds(wait.pause()) + " s \u2014 resuming at "
                    + TIME.format(wait.resumeAt().atZone(clock.getZone())));
        }
        double elapsed = Duration.between(started, now).toMillis() / 1000.0;
        if (total > LONG_JOB && done > 0 && elapsed > 0) {
            double rate = done / elapsed;
            parts.add(String.format(Locale.ROOT, "%.1f items/s", rate));
            parts.add(String.format("%,d failed", failed));
            long secondsLeft = Math.round((total - done) / rate) + waitLeft.toSeconds();
            parts.add("about " + approximately(secondsLeft) + " left");
        }
        return String.join(" \u00b7 ", parts);
    }

    /** Whole seconds, rounded up: a wait of 7.2 s is not over after 7. */
    private static long seconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }

    private static String approximately(long seconds) {
        if (seconds < 90) {
            return seconds + " s";
        }
        long minutes = Math.round(seconds / 60.0);
        return minutes < 90 ? minutes + " min" : String.format(Locale.ROOT, "%.1f h", minutes / 60.0);
    }
}
