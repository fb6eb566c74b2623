package dev.purgedeck.ui.purge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.BulkPurgeRunner;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.fastly.RetryPolicy;
import dev.purgedeck.sandbox.DemoAccount;
import dev.purgedeck.sandbox.FaultSettings;
import dev.purgedeck.testsupport.Clients;
import dev.purgedeck.testsupport.ManualClock;
import dev.purgedeck.testsupport.ManualScheduler;
import dev.purgedeck.testsupport.SandboxExtension;
import dev.purgedeck.testsupport.UiQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A running job says why it stands still while Fastly asks it to wait (429), and how fast a long job goes. */
class ResultsPaceTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private static final Instant T0 = Instant.parse("2026-12-05T20:11:18Z");
    /** Waits as long as the app's client would (a minute), but retries fast. */
    private static final RetryPolicy PATIENT = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100),
            RetryPolicy.DEFAULT.maxRateLimitWait(), 3);
    private final UiQueue fx = new UiQueue();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final ManualClock uiClock = new ManualClock(T0);
    /** The client's clock stands still, so its wait is exactly what Retry-After says. */
    private final ResultsViewModel results = new ResultsViewModel(new BulkPurgeRunner(Clients.client(
            SANDBOX.server().baseUri(), DemoAccount.GLOBAL_TOKEN, PATIENT,
            Clock.fixed(T0, ZoneOffset.UTC), scheduler)), fx, uiClock);

    private static JobRequest urls(int n) {
        List<String> targets = IntStream.range(0, n).mapToObj(i -> "https://www.example.com/p" + i).toList();
        return new JobRequest(null, PurgeKind.URL, targets, PurgeOptions.HARD, 1);
    }

    @Test
    void aRateLimitPauseIsShownWithWhenSendingResumesAndTheJobGoesOnAfterIt() {
        // Twenty requests get through, then Fastly answers 429 with Retry-After: 8.
        SANDBOX.server().setFaults(FaultSettings.none().withRateLimitAfter(20, Duration.ofHours(1)).withRetryAfter(8));
        results.start(urls(60));
        ManualScheduler.Wait wait = scheduler.next();
        assertThat(wait.delay()).isEqualTo(Duration.ofSeconds(8));
        uiClock.advance(Duration.ofSeconds(4));
        fx.runUntil(() -> results.progressDetailProperty().get().startsWith("Fastly"));

        assertThat(results.progressTextProperty().get()).isEqualTo("20 / 60");
        // 20 items in 4 s: 5 a second, 40 to go (8 s) after the 4 s still to wait.
        assertThat(results.progressDetailProperty().get()).isEqualTo(
                "Fastly asked us to wait 8 s \u2014 resuming at 20:11:26 \u00b7 5.0 items/s \u00b7 0 failed"
                        + " \u00b7 about 12 s left");

        SANDBOX.server().clearFaults();
        uiClock.advance(Duration.ofSeconds(5));
        wait.end();
        fx.runUntil(() -> !results.runningProperty().get());
        assertThat(results.summaryProperty().get()).isEqualTo("60 purged, 0 failed");
        assertThat(results.progressDetailProperty().get()).isEmpty();
        assertThat(scheduler.isIdle()).isTrue();
    }

    @Test
    void aShortJobShowsNoRateButStillAPause() {
        SANDBOX.server().setFaults(FaultSettings.none().withRateLimitAfter(1, Duration.ofHours(1)).withRetryAfter(3));
        results.start(urls(3));
        ManualScheduler.Wait wait = scheduler.next();
        uiClock.advance(Duration.ofSeconds(1));
        fx.runUntil(() -> !results.progressDetailProperty().get().isEmpty());
        assertThat(results.progressDetailProperty().get()).isEqualTo("Fastly asked us to wait 3 s \u2014 resuming at 20:11:21");

        // Once the pause is over the words go with the next item, before the job ends.
        SANDBOX.server().clearFaults();
        uiClock.advance(Duration.ofSeconds(3));
        wait.end();
        fx.runUntil(() -> results.progressTextProperty().get().startsWith("2 /") || !results.runningProperty().get());
        assertThat(results.progressDetailProperty().get()).isEmpty();
        fx.runUntil(() -> !results.runningProperty().get());
    }
}
