package dev.meshgate.report;

import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.ResourceRef;
import dev.meshgate.analysis.Severity;
import dev.meshgate.manifest.Origin;
import java.util.List;
import java.util.Optional;

/**
 * Everything a formatter prints: the findings users see (after suppressions and overrides), the analysed resources,
 * the summary with the verdict, and for a change request, how its findings compare with its merge base.
 */
public record Report(
        List<Finding> findings, List<Analysed> resources, Summary summary, Optional<Comparison> comparison) {

    public Report {
        findings = List.copyOf(findings);
        resources = List.copyOf(resources);
        if (comparison.isPresent() && comparison.get().fresh().size() != findings.size()) {
            throw new IllegalArgumentException("a comparison must say of every finding whether it is new");
        }
    }

    public Report(List<Finding> findings, List<Analysed> resources, Summary summary) {
        this(findings, resources, summary, Optional.empty());
    }

    /** The same report, each finding marked new or already there at the merge base. */
    public Report comparedWith(Comparison compared) {
        return new Report(findings, resources, summary, Optional.of(compared));
    }

    /** Whether the change brought this finding; true when nothing was compared. */
    public boolean isNew(int index) {
        return comparison.map(compared -> compared.fresh().get(index)).orElse(true);
    }

    /** How many findings of the severity the change brought (all of them when nothing was compared). */
    public int newFindings(Severity severity) {
        int count = 0;
        for (int i = 0; i < findings.size(); i++) {
            if (isNew(i) && findings.get(i).severity() == severity) {
                count++;
            }
        }
        return count;
    }

    /** One analysed resource and where it starts, for formats that list what passed (JUnit). */
    public record Analysed(ResourceRef resource, Origin origin) {}

    /**
     * How a change request's findings compare with its merge base's.
     *
     * @param baseSha the merge base validated
     * @param fresh for each finding, in order, whether the merge base lacked it
     */
    public record Comparison(String baseSha, List<Boolean> fresh) {

        public Comparison {
            fresh = List.copyOf(fresh);
        }
    }
}
