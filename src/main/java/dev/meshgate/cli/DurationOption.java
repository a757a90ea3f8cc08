package dev.meshgate.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine;

/** Reads durations as people write them on a command line: {@code 90s}, {@code 10m}, {@code 1h}, or ISO-8601. */
final class DurationOption implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String text = value.strip().toUpperCase(Locale.ROOT);
        try {
            return Duration.parse(text.startsWith("P") ? text : "PT" + text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration such as 90s or 10m");
        }
    }
}
