package dev.meshgate.validation;

import dev.meshgate.analysis.Analysis;
import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.MissingReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * References that one combination of a repository's applications leaves open but another resolves. Overlays of one
 * base are analysed as alternatives (one per environment), and a repository's own aggregating kustomization often
 * shares overlays with them; which combination a cluster runs is not in the repository. An application that could
 * not be rendered (a remote base) may hold the target too. Such a reference is unverified rather than missing; a
 * reference that nothing in the repository resolves stays missing.
 */
final class AlternativeReferences {

    private static final String BECAUSE = "it resolves only with applications of the repository that are not analysed"
            + " together with this one (alternative overlays of one base, or applications that could not be rendered)";
    private static final String RESOLVED_BY =
            "if they are deployed together, render them as one kustomization or declare them under applications:"
                    + " in .meshgate.yaml";

    private AlternativeReferences() {}

    /**
     * Whether a finding is a reference that an analysis of every application at once (with what unrendered ones
     * declare) calls missing too; that analysis runs on the first question, so never where nothing is missing, and
     * once however many clusters' analyses ask at the same time.
     */
    static Predicate<Finding> missingIn(Supplier<Analysis> everything) {
        return new Predicate<>() {
            private Set<Finding> missing;

            @Override
            public boolean test(Finding finding) {
                return missing().contains(finding);
            }

            private synchronized Set<Finding> missing() {
                if (missing == null) {
                    missing = everything.get().missingReferences().stream()
                            .map(MissingReference::finding)
                            .collect(Collectors.toSet());
                }
                return missing;
            }
        };
    }

    /** The analysis' findings, where each missing reference the predicate does not confirm is unverified instead. */
    static List<Finding> unverifiedUnless(Analysis analysis, Predicate<Finding> missingEverywhere) {
        Map<Finding, MissingReference> resolvedElsewhere = new HashMap<>();
        for (MissingReference missing : analysis.missingReferences()) {
            if (!missingEverywhere.test(missing.finding())) {
                resolvedElsewhere.put(missing.finding(), missing);
            }
        }
        if (resolvedElsewhere.isEmpty()) {
            return analysis.findings();
        }
        return analysis.findings().stream()
                .map(finding -> resolvedElsewhere.containsKey(finding)
                        ? resolvedElsewhere.get(finding).unverified(BECAUSE, RESOLVED_BY)
                        : finding)
                .toList();
    }
}
