package dev.meshgate.analysis.policy;

import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.Severity;
import java.util.List;
import java.util.Locale;

/** The severity from which findings fail a validation: error, warning, or never. */
public enum FailOn {
    ERROR,
    WARNING,
    NEVER;

    /** Whether this finding fails the validation at this level. */
    public boolean fails(Finding finding) {
        return switch (this) {
            case ERROR -> finding.severity().atLeast(Severity.ERROR);
            case WARNING -> finding.severity().atLeast(Severity.WARNING);
            case NEVER -> false;
        };
    }

    /** Whether any finding fails the validation at this level. */
    public boolean failsAny(List<Finding> findings) {
        return findings.stream().anyMatch(this::fails);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
