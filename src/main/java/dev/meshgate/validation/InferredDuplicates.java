package dev.meshgate.validation;

import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.ResourceRef;
import dev.meshgate.analysis.Severity;
import dev.meshgate.render.RenderedApplication;
import dev.meshgate.render.SourceType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Duplicates that only meshgate's reading of the layout puts in one cluster. Where the repository declares nothing
 * (no Argo CD or Flux object, no {@code applications:}), meshgate assumes its applications are deployed together, and
 * its loose YAML files too; two applications, or two loose files, defining the same object are more often alternative
 * ways to install one component (a chart beside kustomize manifests, Istio's {@code virtual-service-*.yaml} variants)
 * than a clash. That is a warning. A duplicate that something declares together stays an error: within one file,
 * one kustomization or one chart, or between applications that an Argo CD or Flux object declares.
 */
final class InferredDuplicates {

    private static final String BETWEEN_APPLICATIONS = "; the copies come from different applications that the"
            + " repository does not declare as deployed together (if they are, only one copy is applied)";
    private static final String BETWEEN_FILES = "; the copies are in different plain YAML files that nothing"
            + " declares as applied together (no kustomization, Argo CD Application or Flux Kustomization lists"
            + " both): alternatives, or a clash if their folder is applied as a whole (then the last copy wins)";

    private final Map<ResourceRef, Set<String>> owners = new HashMap<>();
    /** For each object of the loose files, how many copies each file holds. */
    private final Map<ResourceRef, Map<String, Integer>> looseCopies = new HashMap<>();

    private final Set<String> declared = new HashSet<>();

    InferredDuplicates(List<RenderedApplication> applications) {
        for (RenderedApplication application : applications) {
            String name = application.source().name();
            boolean inferred = application.source().declaredBy() == null;
            if (!inferred) {
                declared.add(name);
            }
            boolean loose = inferred && application.source().type() == SourceType.DIRECTORY;
            application.loaded().resources().forEach(resource -> {
                ResourceRef ref = ResourceRef.of(resource);
                owners.computeIfAbsent(ref, key -> new HashSet<>()).add(name);
                if (loose) {
                    looseCopies
                            .computeIfAbsent(ref, key -> new HashMap<>())
                            .merge(resource.origin().file(), 1, Integer::sum);
                }
            });
        }
    }

    /** The findings, with each duplicate that nothing declares together a warning that says why. */
    List<Finding> judge(List<Finding> findings) {
        return findings.stream().map(this::judge).toList();
    }

    private Finding judge(Finding finding) {
        if (finding.message() != Message.MG0006 || finding.resource() == null) {
            return finding;
        }
        Set<String> applications = owners.getOrDefault(finding.resource(), Set.of());
        if (applications.stream().anyMatch(declared::contains)) {
            return finding;
        }
        if (applications.size() > 1) {
            return warning(finding, BETWEEN_APPLICATIONS);
        }
        Map<String, Integer> copies = looseCopies.getOrDefault(finding.resource(), Map.of());
        if (copies.size() > 1 && copies.values().stream().allMatch(count -> count == 1)) {
            return warning(finding, BETWEEN_FILES);
        }
        return finding;
    }

    private static Finding warning(Finding finding, String because) {
        return new Finding(
                finding.message(),
                Severity.WARNING,
                finding.text() + because,
                finding.resource(),
                finding.origin(),
                finding.application());
    }
}
