package dev.meshgate.analysis.rules.values;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Istio's duration strings (Go's time.ParseDuration syntax as the CRDs accept it: "1.5s", "300ms", "1h2m3s"). */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private Durations() {}

    /** Why the text is not a valid duration of at least the minimum, or empty when it is fine. */
    public static Optional<String> problem(String text, BigDecimal minimumMillis) {
        if (text == null || text.isEmpty()) {
            return Optional.of("empty duration");
        }
        if (text.startsWith("-")) {
            return Optional.of("durations cannot be negative");
        }
        Matcher matcher = PART.matcher(text);
        int end = 0;
        BigDecimal millis = BigDecimal.ZERO;
        while (matcher.find() && matcher.start() == end) {
            millis = millis.add(new BigDecimal(matcher.group(1)).multiply(unitMillis(matcher.group(2))));
            end = matcher.end();
        }
        if (end != text.length()) {
            return Optional.of("expected a number with a unit (ns, us, ms, s, m, h), e.g. \"1.5s\"");
        }
        if (millis.compareTo(minimumMillis) < 0) {
            return Optional.of(
                    "must be at least " + minimumMillis.stripTrailingZeros().toPlainString() + "ms");
        }
        return Optional.empty();
    }

    private static BigDecimal unitMillis(String unit) {
        return switch (unit) {
            case "ns" -> new BigDecimal("0.000001");
            case "us", "µs" -> new BigDecimal("0.001");
            case "ms" -> BigDecimal.ONE;
            case "s" -> BigDecimal.valueOf(1000);
            case "m" -> BigDecimal.valueOf(60_000);
            default -> BigDecimal.valueOf(3_600_000);
        };
    }
}
