package dev.meshgate.analysis;

import java.util.Locale;

/** How bad a finding is; the order matters: a fail level fails on its severity and every worse one. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** Whether this severity is at least as bad as the given level. */
    public boolean atLeast(Severity level) {
        return ordinal() <= level.ordinal();
    }

    /** The lower-case name used in JSON and config files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "error", "warning" or "info" in any case. */
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + text + "' (expected error, warning or info)");
        }
    }
}
