package dev.purgedeck.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Fixed-width ISO-8601 UTC times ({@code 2026-11-26T09:41:02.123Z}) written and read without a DateTimeFormatter,
 * because a million of them are parsed on every load. Anything unusual falls back to {@link Instant#parse}.
 */
final class IsoTimes {
    private static final int SECONDS_PER_DAY = 86_400;

    private IsoTimes() {
    }

    /** The time with exactly three fraction digits, so lines sort and align as text. */
    static String format(Instant t) {
        long seconds = t.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        if (date.getYear() < 0 || date.getYear() > 9999) {
            return DateTimeFormatter.ISO_INSTANT.format(t);
        }
        int secondOfDay = Math.floorMod(seconds, SECONDS_PER_DAY);
        char[] c = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(c, 0, 4, date.getYear());
        digits(c, 5, 2, date.getMonthValue());
        digits(c, 8, 2, date.getDayOfMonth());
        digits(c, 11, 2, secondOfDay / 3600);
        digits(c, 14, 2, secondOfDay / 60 % 60);
        digits(c, 17, 2, secondOfDay % 60);
        digits(c, 20, 3, t.getNano() / 1_000_000);
        return new String(c);
    }

    private static void digits(char[] c, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    static Instant parse(String s) {
        return parse(s.toCharArray(), 0, s.length());
    }

    /** Parses {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} directly, any other ISO-8601 instant through the JDK. */
    static Instant parse(char[] c, int off, int len) {
        int end = off + len;
        if (len >= 20 && c[off + 4] == '-' && c[off + 7] == '-' && c[off + 10] == 'T' && c[off + 13] == ':'
                && c[off + 16] == ':' && c[end - 1] == 'Z') {
            int year = number(c, off, 4);
            int month = number(c, off + 5, 2);
            int day = number(c, off + 8, 2);
            int hour = number(c, off + 11, 2);
            int minute = number(c, off + 14, 2);
            int second = number(c, off + 17, 2);
            int nanos = fraction(c, off + 19, end - 1);
            if ((year | month | day | hour | minute | second | nanos) >= 0 && month >= 1 && month <= 12
                    && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second < 60
                    && day <= LocalDate.of(year, month, 1).lengthOfMonth()) {
                long epochDay = LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
            }
        }
        return Instant.parse(new String(c, off, len));
    }

    /** The decimal number in c[at, at+width), or -1 if any of them is not a digit. */
    private static int number(char[] c, int at, int width) {
        int v = 0;
        for (int i = at; i < at + width; i++) {
            int d = c[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Nanoseconds of an optional ".ddd" (1 to 9 digits) in c[at, end), or -1 when malformed. */
    private static int fraction(char[] c, int at, int end) {
        if (at == end) {
            return 0;
        }
        int digits = end - at - 1;
        if (c[at] != '.' || digits < 1 || digits > 9) {
            return -1;
        }
        int v = number(c, at + 1, digits);
        for (int i = digits; i < 9 && v >= 0; i++) {
            v *= 10;
        }
        return v;
    }
}
