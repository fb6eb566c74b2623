package dev.purgedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TerminalTextTest {
    /** Counts print as the command line's other counts do, {@code %,d} in the root locale, whatever the user's. */
    @Test
    void aCountIsGroupedInThousandsWithCommas() {
        long[] counts = {0, 7, 999, 1000, 1001, 12_345, 999_999, 1_000_000, 1_234_567_890L, Long.MAX_VALUE, -1, -999,
            -1000, -1_234_567, Long.MIN_VALUE};
        for (long n : counts) {
            assertThat(TerminalText.count(n)).as("%d", n).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
    }
}
