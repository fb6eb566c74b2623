package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The fast time format agrees with the JDK's ISO-8601. */
class IsoTimesTest {
    private static Instant parse(String s) {
        return IsoTimes.parse(s.toCharArray(), 0, s.length());
    }

    @Test
    void writesThreeFractionDigitsAlways() {
        assertThat(IsoTimes.format(Instant.parse("2026-11-26T09:41:02Z"))).isEqualTo("2026-11-26T09:41:02.000Z");
        assertThat(IsoTimes.format(Instant.parse("1970-01-01T00:00:00.007Z"))).isEqualTo("1970-01-01T00:00:00.007Z");
        assertThat(IsoTimes.format(Instant.parse("2024-02-29T23:59:59.999Z"))).isEqualTo("2024-02-29T23:59:59.999Z");
        assertThat(IsoTimes.format(Instant.parse("1969-12-31T23:59:59.500Z"))).isEqualTo("1969-12-31T23:59:59.500Z");
    }

    @Test
    void readsWhatTheJdkReads() {
        for (String s : new String[] {"2026-11-26T09:41:02.123Z", "2026-11-26T09:41:02Z", "2026-11-26T09:41:02.1Z",
            "2026-11-26T09:41:02.123456789Z", "2024-02-29T00:00:00.000Z", "2026-11-26T10:41:02.123+01:00"}) {
            assertThat(parse(s)).as(s).isEqualTo(Instant.parse(s));
        }
        for (int i = 0; i < 1000; i++) {
            Instant t = Instant.ofEpochMilli(1_700_000_000_000L + i * 987_654_321L);
            assertThat(parse(IsoTimes.format(t))).isEqualTo(t);
        }
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> parse("2023-02-29T00:00:00.000Z")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> parse("2026-13-01T00:00:00.000Z")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> parse("yesterday")).isInstanceOf(RuntimeException.class);
    }
}
