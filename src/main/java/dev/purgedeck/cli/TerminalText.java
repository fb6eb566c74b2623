package dev.purgedeck.cli;

import dev.purgedeck.fastly.Validation;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Makes a message safe and short enough for a terminal: escapes control and bidi characters, cuts echoed values. */
final class TerminalText {
    /** Longest message printed; a 100,000-character option echoed back would bury the reason. */
    static final int MAX_MESSAGE = 2000;

    private TerminalText() {
    }

    /** Each line of {@code message} escaped (line feeds kept as line breaks), the whole cut to {@link #MAX_MESSAGE}. */
    static String safe(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        String[] lines = message.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            b.append(Validation.printable(lines[i], MAX_MESSAGE));
            if (i < lines.length - 1) {
                b.append('\n');
            }
        }
        return b.length() > MAX_MESSAGE ? b.substring(0, MAX_MESSAGE) + "…" : b.toString();
    }

    /** A time as the history tables print it, {@code 2026-12-05 09:12:00}, in {@code zone}. */
    static String time(Instant t, ZoneId zone) {
        return Times.TABLE.format(t.atZone(zone));
    }

    /**
     * Made on first use: every purge loads this class for its counts, and building a formatter from a pattern cost a
     * start about 5 ms.
     */
    private static final class Times {
        static final DateTimeFormatter TABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    }

    /**
     * A count as the command line prints counts, {@code 1,234,567} ({@code %,d} in {@link java.util.Locale#ROOT}),
     * without {@link String#format}: its first use sets up the JDK's locale data, about 18 ms of every purge's start.
     */
    static String count(long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int len = digits.length() - sign;
        if (len <= 3) {
            return digits;
        }
        StringBuilder b = new StringBuilder(digits.length() + len / 3).append(digits, 0, sign);
        for (int i = 0; i < len; i++) {
            if (i > 0 && (len - i) % 3 == 0) {
                b.append(',');
            }
            b.append(digits.charAt(sign + i));
        }
        return b.toString();
    }

    /** A value typed by the user or stored, for quoting inside a message. */
    static String quoted(String value) {
        return "'" + Validation.printable(value, 80) + "'";
    }
}
