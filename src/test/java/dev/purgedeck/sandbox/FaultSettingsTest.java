package dev.purgedeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultSettingsTest {

    @Test
    void noneIsAllZero() {
        FaultSettings f = FaultSettings.none();

        assertThat(f.latency()).isZero();
        assertThat(f.errorRate()).isZero();
        assertThat(f.errorStatus()).isEqualTo(503);
        assertThat(f.rateLimitAfter()).isNull();
        assertThat(f.retryAfterSeconds()).isNull();
    }

    @Test
    void withersChangeOneThing() {
        FaultSettings f = FaultSettings.none().withLatency(Duration.ofMillis(5)).withLatencyJitter(Duration.ofMillis(3))
                .withErrorRate(0.1, 500).withRateLimitAfter(4, Duration.ofSeconds(2)).withRetryAfter(9)
                .withDropRate(0.2).withMalformedRate(0.3);

        assertThat(f).isEqualTo(new FaultSettings(Duration.ofMillis(5), Duration.ofMillis(3), 0.1, 500, 4,
                Duration.ofSeconds(2), 9, 0.2, 0.3));
        assertThat(f.withoutRateLimit().rateLimitAfter()).isNull();
    }

    @Test
    void rejectsOutOfRangeValues() {
        assertThatThrownBy(() -> FaultSettings.none().withErrorRate(1.5, 503))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultSettings.none().withErrorRate(1, 200))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultSettings.none().withLatency(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultSettings.none().withDropRate(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonRoundTrip() throws Exception {
        FaultSettings f = FaultSettings.none().withLatency(Duration.ofMillis(20)).withRateLimitAfter(1,
                Duration.ofMillis(1500)).withDropRate(0.5);
        ObjectMapper mapper = new ObjectMapper();

        String json = mapper.writeValueAsString(FaultJson.toJson(f));

        assertThat(FaultJson.fromJson(mapper.readTree(json))).isEqualTo(f);
        assertThat(FaultJson.fromJson(mapper.readTree("{}"))).isEqualTo(FaultSettings.none());
        assertThatThrownBy(() -> FaultJson.fromJson(mapper.readTree("{\"rate_limit_after\":1.5}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void injectedRateLimitCountsThenBlocksUntilReset() {
        MutableClock clock = new MutableClock(Instant.parse("2025-06-01T10:00:00Z"));
        FaultInjector faults = new FaultInjector(FaultSettings.none().withRateLimitAfter(1, Duration.ofSeconds(2)),
                new Random(1), clock);

        assertThat(faults.decide().action()).isEqualTo(FaultInjector.Action.PASS);
        FaultInjector.Decision blocked = faults.decide();
        assertThat(blocked.action()).isEqualTo(FaultInjector.Action.RATE_LIMITED);
        assertThat(blocked.resetAt()).isEqualTo(Instant.parse("2025-06-01T10:00:02Z"));
        clock.now = clock.now.plusSeconds(1);
        assertThat(faults.decide().resetAt()).isEqualTo(blocked.resetAt());
        clock.now = clock.now.plusSeconds(1);
        assertThat(faults.decide().action()).isEqualTo(FaultInjector.Action.PASS);
    }

    @Test
    void hourlyLimiterUsesFixedClockHours() {
        PurgeAllLimiter limiter = new PurgeAllLimiter(1);
        Instant t = Instant.parse("2025-06-01T10:59:59Z");

        assertThat(limiter.consume("u", t)).isEqualTo(new PurgeAllLimiter.Outcome(true, 0, 1748775600L));
        assertThat(limiter.consume("u", t).allowed()).isFalse();
        assertThat(limiter.consume("other", t).allowed()).isTrue();
        assertThat(limiter.consume("u", t.plusSeconds(1)).allowed()).isTrue();
    }

    /** A clock tests can move by hand. */
    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
