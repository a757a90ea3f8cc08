package dev.meshgate.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.Severity;
import java.util.List;

/**
 * The counts of one validation, part of the JSON contract.
 *
 * @param skippedFiles files read that hold no Kubernetes object, left out of the JSON when there are none
 * @param passed whether nothing is at or above the fail level
 */
public record Summary(
        int errors,
        int warnings,
        int infos,
        int suppressed,
        int resources,
        int files,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int skippedFiles,
        String failOn,
        boolean passed) {

    public static Summary of(
            List<Finding> findings, int suppressed, int resources, int files, String failOn, boolean passed) {
        return new Summary(
                count(findings, Severity.ERROR),
                count(findings, Severity.WARNING),
                count(findings, Severity.INFO),
                suppressed,
                resources,
                files,
                0,
                failOn,
                passed);
    }

    /** The same counts, with this many of the files holding no Kubernetes object. */
    public Summary withSkippedFiles(int skipped) {
        return new Summary(errors, warnings, infos, suppressed, resources, files, skipped, failOn, passed);
    }

    private static int count(List<Finding> findings, Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }
}
