package dev.purgedeck.cli;

import dev.purgedeck.fastly.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --deadline} and {@code --timeout} values: 500ms, 30s, 5m, 2h. */
final class DurationArg implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return Durations.parse(value).filter(d -> !d.isZero()).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not a time such as 500ms, 30s, 5m or 2h"));
    }
}
