package dev.purgedeck.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** Decides, request by request, which configured fault (if any) hits; swapped atomically at run time. */
final class FaultInjector {
    enum Action { PASS, DROP, RATE_LIMITED, ERROR, MALFORMED }

    /** What to do with a request; {@code resetAt} is set for {@link Action#RATE_LIMITED} only. */
    record Decision(Action action, Instant resetAt) {
        static final Decision PASS = new Decision(Action.PASS, null);
    }

    private final Random random;
    private final Clock clock;
    private volatile State state;

    /** Settings plus the injected rate limit's counter, which restarts whenever the settings are replaced. */
    private static final class State {
        final FaultSettings settings;
        private int remaining;
        private Instant blockedUntil;

        State(FaultSettings settings) {
            this.settings = settings;
            this.remaining = settings.rateLimitAfter() == null ? 0 : settings.rateLimitAfter();
        }

        /** Null when the request may pass; otherwise when the injected limit lifts. */
        synchronized Instant admit(Instant now) {
            if (blockedUntil != null) {
                if (now.isBefore(blockedUntil)) {
                    return blockedUntil;
                }
                blockedUntil = null;
                remaining = settings.rateLimitAfter();
            }
            if (remaining > 0) {
                remaining--;
                return null;
            }
            blockedUntil = now.plus(settings.rateLimitReset());
            return blockedUntil;
        }
    }

    FaultInjector(FaultSettings initial, Random random, Clock clock) {
        this.random = random;
        this.clock = clock;
        this.state = new State(initial);
    }

    FaultSettings settings() {
        return state.settings;
    }

    void set(FaultSettings settings) {
        state = new State(settings);
    }

    /** The fault latency of one request: the fixed part plus a uniform share of the jitter. */
    Duration latency() {
        FaultSettings f = state.settings;
        long jitterMillis = f.latencyJitter().toMillis();
        long extra = jitterMillis > 0 ? (long) (random.nextDouble() * (jitterMillis + 1)) : 0;
        return f.latency().plusMillis(extra);
    }

    Decision decide() {
        State s = state;
        FaultSettings f = s.settings;
        if (hit(f.dropRate())) {
            return new Decision(Action.DROP, null);
        }
        if (f.rateLimitAfter() != null) {
            Instant blockedUntil = s.admit(clock.instant());
            if (blockedUntil != null) {
                return new Decision(Action.RATE_LIMITED, blockedUntil);
            }
        }
        if (hit(f.errorRate())) {
            return new Decision(Action.ERROR, null);
        }
        if (hit(f.malformedRate())) {
            return new Decision(Action.MALFORMED, null);
        }
        return Decision.PASS;
    }

    /** Rates 0 and 1 never consult the random source, so they are exact whatever the seed. */
    private boolean hit(double rate) {
        if (rate <= 0) {
            return false;
        }
        return rate >= 1 || random.nextDouble() < rate;
    }
}
