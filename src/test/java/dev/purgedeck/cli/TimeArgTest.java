package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TimeArgTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-10T12:00:00Z"), BERLIN);

    private static Instant parse(String s) {
        return TimeArg.parse(s, CLOCK);
    }

    @Test
    void relativeTimesCountBackFromNow() {
        assertThat(parse("2h")).isEqualTo("2025-06-10T10:00:00Z");
        assertThat(parse("90m")).isEqualTo("2025-06-10T10:30:00Z");
        assertThat(parse("45min")).isEqualTo("2025-06-10T11:15:00Z");
        assertThat(parse("3d")).isEqualTo("2025-06-07T12:00:00Z");
        assertThat(parse("1w")).isEqualTo("2025-06-03T12:00:00Z");
        assertThat(parse(" 30 s ")).isEqualTo("2025-06-10T11:59:30Z");
    }

    @Test
    void datesAndLocalTimesAreInTheLocalZone() {
        assertThat(parse("today")).isEqualTo("2025-06-09T22:00:00Z");
        assertThat(parse("yesterday")).isEqualTo("2025-06-08T22:00:00Z");
        assertThat(parse("2025-06-01")).isEqualTo("2025-05-31T22:00:00Z");
        assertThat(parse("2025-06-01T14:30")).isEqualTo("2025-06-01T12:30:00Z");
        assertThat(parse("2025-06-01 14:30:15")).isEqualTo("2025-06-01T12:30:15Z");
    }

    @Test
    void timesWithAnOffsetAreTakenAsWritten() {
        assertThat(parse("2025-06-01T12:30:00Z")).isEqualTo("2025-06-01T12:30:00Z");
        assertThat(parse("2025-06-01t12:30:00z")).isEqualTo("2025-06-01T12:30:00Z");
        assertThat(parse("2025-06-01T12:30:00+02:00")).isEqualTo("2025-06-01T10:30:00Z");
    }

    @Test
    void anythingElseIsRefusedWithExamples() {
        assertThatThrownBy(() -> parse("2 hours ago")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'2 hours ago' is not a time; use e.g. 2h");
        assertThatThrownBy(() -> parse("")).isInstanceOf(TypeConversionException.class);
    }
}
