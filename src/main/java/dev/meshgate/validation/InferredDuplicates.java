package dev.meshgate.validation;

import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.ResourceRef;
import dev.meshgate.analysis.Severity;
import dev.meshgate.render.RenderedApplication;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Duplicates between applications that only meshgate's reading of the layout puts in one cluster. Where the
 * repository declares nothing (no Argo CD or Flux object, no {@code applications:}), meshgate assumes its
 * applications are deployed together; two of them defining the same object are more often alternative ways to
 * install one component (a chart beside kustomize manifests) than a clash. That is a warning; a duplicate within one
 * application, or between declared applications of one cluster, stays an error.
 */
final class InferredDuplicates {

    private static final String BECAUSE = "; the copies come from different applications that the repository does not"
            + " declare as deployed together (if they are, only one copy is applied)";

    private final Map<ResourceRef, Set<String>> owners = new HashMap<>();
    private final Set<String> declared = new HashSet<>();

    InferredDuplicates(List<RenderedApplication> applications) {
        for (RenderedApplication application : applications) {
            String name = application.source().name();
            if (application.source().declaredBy() != null) {
                declared.add(name);
            }
            application.loaded().resources().forEach(resource -> owners.computeIfAbsent(
                            ResourceRef.of(resource), key -> new HashSet<>())
                    .add(name));
        }
    }

    /** The findings, with each duplicate between inferred applications a warning that says why. */
    List<Finding> judge(List<Finding> findings) {
        return findings.stream().map(this::judge).toList();
    }

    private Finding judge(Finding finding) {
        if (finding.message() != Message.MG0006 || finding.resource() == null) {
            return finding;
        }
        Set<String> applications = owners.getOrDefault(finding.resource(), Set.of());
        if (applications.size() < 2 || applications.stream().anyMatch(declared::contains)) {
            return finding;
        }
        return new Finding(
                finding.message(),
                Severity.WARNING,
                finding.text() + BECAUSE,
                finding.resource(),
                finding.origin(),
                finding.application());
    }
}
