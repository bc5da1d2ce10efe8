package io.joulebench.harness.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Parses {@code 100ms}, {@code 5s}, {@code 1.5s}, {@code 2m}, {@code 0} or ISO-8601 ({@code PT5S}). */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern P = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?$");

    @Override
    public Duration convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        Matcher m = P.matcher(v);
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? (n == 0 ? "s" : null) : m.group(2);
            if (unit == null) {
                throw new CommandLine.TypeConversionException("'" + value + "' has no unit: write e.g. 100ms or 5s");
            }
            double nanos = switch (unit) {
                case "ms" -> n * 1e6;
                case "s" -> n * 1e9;
                case "m" -> n * 60e9;
                default -> n * 3600e9;
            };
            return Duration.ofNanos(Math.round(nanos));
        }
        try {
            return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration: write e.g. 100ms or 5s");
        }
    }
}
