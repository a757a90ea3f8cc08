package dev.meshgate.report;

import java.io.IOException;
import java.io.Writer;

/** Writes a report in one output format. */
public interface Formatter {

    void write(Report report, Writer out) throws IOException;

    /** The formatter for a format name: text, json, sarif or junit. */
    static Formatter named(String format) {
        return switch (format) {
            case "text" -> new TextFormatter();
            case "json" -> new JsonFormatter();
            case "sarif" -> new SarifFormatter();
            case "junit" -> new JunitFormatter();
            default -> throw new IllegalArgumentException(
                    "unknown output format '" + format + "' (expected text, json, sarif or junit)");
        };
    }
}
