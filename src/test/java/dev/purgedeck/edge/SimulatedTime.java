package dev.purgedeck.edge;

import dev.purgedeck.fastly.RetryScheduler;
import dev.purgedeck.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Time for a verification against the sandbox edge: the sandbox, the verifier and the pause of purge twice share one
 * {@link ManualClock}, and each wait moves it on at once, so Fastly's propagation plays out exactly and nothing
 * sleeps. A visitor can be placed at a moment inside a wait (the request that re-caches an old copy in the race).
 */
public final class SimulatedTime implements RetryScheduler {
    final ManualClock clock;
    private final List<Visit> visits = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();

    private record Visit(Instant at, Runnable request) {
    }

    public SimulatedTime(ManualClock clock) {
        this.clock = clock;
    }

    /** A visitor asks for a page when the clock reaches {@code after} from now. */
    public synchronized void visitIn(Duration after, Runnable request) {
        visits.add(new Visit(clock.instant().plus(after), request));
        visits.sort(Comparator.comparing(Visit::at));
    }

    public synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        synchronized (this) {
            waits.add(delay);
            Instant end = clock.instant().plus(delay);
            while (!visits.isEmpty() && !visits.get(0).at().isAfter(end)) {
                Visit v = visits.remove(0);
                clock.advance(Duration.between(clock.instant(), v.at()));
                v.request().run();
            }
            clock.advance(Duration.between(clock.instant(), end));
        }
        task.run();
    }
}
