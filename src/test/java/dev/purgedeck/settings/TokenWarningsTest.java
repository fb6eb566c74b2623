package dev.purgedeck.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.TokenInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenWarningsTest {
    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static TokenInfo expiring(Instant at) {
        return new TokenInfo("id", "ci", "alice", "cust", Set.of("global"), List.of(), Optional.ofNullable(at), true);
    }

    private static TokenInfo scoped(String... scopes) {
        return new TokenInfo("id", "ci", "alice", "cust", Set.of(scopes), List.of("svc1", "svc2"), Optional.empty(), true);
    }

    @Test
    void anExpiryWithinAWeekIsWorthAWarning() {
        assertThat(TokenWarnings.expiry(expiring(Instant.parse("2026-11-29T12:00:00Z")), CLOCK))
                .contains("expires in 3 days (2026-11-29)");
        assertThat(TokenWarnings.expiry(expiring(NOW.plus(Duration.ofHours(30))), CLOCK)).contains("expires in 1 day (2026-11-27)");
        assertThat(TokenWarnings.expiry(expiring(NOW.plus(Duration.ofHours(5))), CLOCK)).contains("expires in 5 hours (2026-11-26)");
        assertThat(TokenWarnings.expiry(expiring(NOW.plus(Duration.ofMinutes(20))), CLOCK))
                .contains("expires within the hour (2026-11-26)");
        assertThat(TokenWarnings.expiry(expiring(NOW.plus(Duration.ofDays(7))), CLOCK)).isPresent();
    }

    @Test
    void aPastExpirySaysWhenAndAFarOrMissingOneSaysNothing() {
        assertThat(TokenWarnings.expiry(expiring(Instant.parse("2026-11-01T00:00:00Z")), CLOCK))
                .contains("expired on 2026-11-01");
        assertThat(TokenWarnings.expiry(expiring(NOW.plus(Duration.ofDays(8))), CLOCK)).isEmpty();
        assertThat(TokenWarnings.expiry(expiring(null), CLOCK)).isEmpty();
        assertThat(TokenWarnings.expiry(null, CLOCK)).isEmpty();
    }

    @Test
    void limitsFollowTheScopes() {
        assertThat(TokenWarnings.limits(scoped("purge_select"))).hasSize(3)
                .anySatisfy(l -> assertThat(l).contains("whole service"))
                .anySatisfy(l -> assertThat(l).contains("cannot list services"))
                .anySatisfy(l -> assertThat(l).contains("limited to 2 services"));
        assertThat(TokenWarnings.limits(scoped("purge_all"))).anySatisfy(l -> assertThat(l).contains("URLs or surrogate keys"));
        assertThat(TokenWarnings.limits(expiring(null))).isEmpty();
    }
}
