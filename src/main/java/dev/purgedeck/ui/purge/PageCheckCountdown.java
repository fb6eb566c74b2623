package dev.purgedeck.ui.purge;

import dev.purgedeck.edge.PurgeVerifier;
import dev.purgedeck.fastly.PurgeKind;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * "Checking pages in 12 s…": the wait after a purge-all before its pages are looked at (docs/fastly-edge.md §2.1),
 * counted down once a second on the verifier's scheduler and clock, so tests drive it without sleeping.
 */
final class PageCheckCountdown {
    static final PageCheckCountdown NONE = new PageCheckCountdown(null, null, null, null);

    private final PurgeVerifier verifier;
    private final Executor fx;
    private final Consumer<String> show;
    private final Instant lookAt;
    private volatile boolean stopped;
    private volatile String text = "";

    private PageCheckCountdown(PurgeVerifier verifier, Executor fx, Consumer<String> show, Instant lookAt) {
        this.verifier = verifier;
        this.fx = fx;
        this.show = show;
        this.lookAt = lookAt;
    }

    /** Starts counting down to the first look after a purge-all sent now; {@code show} is called on the UI thread. */
    static PageCheckCountdown start(PurgeVerifier verifier, Executor fx, Consumer<String> show) {
        PageCheckCountdown c = new PageCheckCountdown(verifier, fx, show,
                verifier.clock().instant().plus(verifier.waitAfter(PurgeKind.ALL)));
        c.tick();
        return c;
    }

    /** The countdown's words now, or "" when there is none. */
    String text() {
        return text;
    }

    void stop() {
        stopped = true;
        text = "";
    }

    private void tick() {
        if (stopped) {
            return;
        }
        Duration left = Duration.between(verifier.clock().instant(), lookAt);
        long seconds = (left.toMillis() + 999) / 1000;
        String now = seconds > 0 ? "Checking pages in " + seconds + " s\u2026 (Fastly takes up to 20 s to purge "
                + "everything; Cancel stops the check)" : "Checking pages\u2026";
        text = now;
        fx.execute(() -> {
            if (!stopped) {
                show.accept(now);
            }
        });
        if (seconds > 0) {
            verifier.scheduler().schedule(Duration.ofSeconds(1), this::tick);
        }
    }
}
