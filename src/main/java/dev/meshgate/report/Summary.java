package dev.meshgate.report;

import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.Severity;
import java.util.List;

/**
 * The counts of one validation, part of the JSON contract.
 *
 * @param passed whether nothing is at or above the fail level
 */
public record Summary(
        int errors, int warnings, int infos, int suppressed, int resources, int files, String failOn, boolean passed) {

    public static Summary of(
            List<Finding> findings, int suppressed, int resources, int files, String failOn, boolean passed) {
        return new Summary(
                count(findings, Severity.ERROR),
                count(findings, Severity.WARNING),
                count(findings, Severity.INFO),
                suppressed,
                resources,
                files,
                failOn,
                passed);
    }

    private static int count(List<Finding> findings, Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }
}
