package dev.meshgate.analysis.policy;

import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Severity;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides centrally, after every rule ran, what users see: suppressions (annotations and config), per-code severity
 * overrides, and codes switched off. Rules never do this themselves.
 *
 * @param severities per-code overrides; an empty Optional switches the code off
 * @param suppressions suppressions from the config file
 */
public record FindingPolicy(Map<String, Optional<Severity>> severities, List<Suppression> suppressions) {

    /** No overrides, no config suppressions; annotations still apply. */
    public static FindingPolicy defaults() {
        return new FindingPolicy(Map.of(), List.of());
    }

    /** The findings that remain, with their effective severities, and how many were suppressed. */
    public Outcome apply(List<Finding> findings, List<Resource> resources) {
        SuppressionAnnotations annotations = new SuppressionAnnotations(resources);
        List<Finding> kept = new ArrayList<>();
        int suppressed = 0;
        for (Finding finding : findings) {
            Optional<Severity> severity = severityOf(finding);
            if (severity.isEmpty() || annotations.suppressed(finding) || configSuppressed(finding)) {
                suppressed++;
                continue;
            }
            kept.add(severity.get() == finding.severity() ? finding : finding.withSeverity(severity.get()));
        }
        return new Outcome(List.copyOf(kept), suppressed);
    }

    /**
     * The configured severity of the code, else the finding's own (its message's, unless the engine judged it). A
     * code switched off also switches off the findings that stand for it.
     */
    private Optional<Severity> severityOf(Finding finding) {
        for (Message other : finding.alsoReportedAs()) {
            Optional<Severity> override = severities.get(other.code());
            if (override != null && override.isEmpty()) {
                return override;
            }
        }
        Optional<Severity> override = severities.get(finding.code());
        return override != null ? override : Optional.of(finding.severity());
    }

    private boolean configSuppressed(Finding finding) {
        for (Suppression suppression : suppressions) {
            if (suppression.covers(finding)) {
                return true;
            }
        }
        return false;
    }

    /** What the policy kept, and the number of findings it suppressed or switched off. */
    public record Outcome(List<Finding> findings, int suppressed) {}
}
