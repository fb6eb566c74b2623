package dev.purgedeck.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a point in time as people type it in a shell: {@code 2h}, {@code 3d}, {@code 90m}, {@code 1w} ago;
 * {@code today}, {@code yesterday}; a date ({@code 2025-06-01}, local midnight); a local date-time
 * ({@code 2025-06-01T14:30} or with a space); or an ISO instant with an offset ({@code 2025-06-01T12:30:00Z}).
 */
final class TimeArg implements ITypeConverter<Instant> {
    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,9})\\s*(s|m|min|h|d|w)");

    @Override
    public Instant convert(String value) {
        return parse(value, Clock.systemDefaultZone());
    }

    static Instant parse(String value, Clock clock) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        ZoneId zone = clock.getZone();
        Matcher m = RELATIVE.matcher(v);
        if (m.matches()) {
            return clock.instant().minus(duration(Long.parseLong(m.group(1)), m.group(2)));
        }
        LocalDate today = LocalDate.now(clock);
        switch (v) {
            case "today" -> {
                return today.atStartOfDay(zone).toInstant();
            }
            case "yesterday" -> {
                return today.minusDays(1).atStartOfDay(zone).toInstant();
            }
            default -> {
                return absolute(value.strip(), zone);
            }
        }
    }

    private static Instant absolute(String v, ZoneId zone) {
        String iso = v.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso.toUpperCase(Locale.ROOT)).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // fall through: most people type local times
        }
        try {
            return LocalDateTime.parse(iso).atZone(zone).toInstant();
        } catch (DateTimeParseException notLocal) {
            // fall through
        }
        try {
            return LocalDate.parse(iso).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + v + "' is not a time; use e.g. 2h, 3d, today, 2025-06-01, "
                    + "2025-06-01T14:30 or 2025-06-01T12:30:00Z");
        }
    }

    private static Duration duration(long n, String unit) {
        return switch (unit) {
            case "s" -> Duration.ofSeconds(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }
}
