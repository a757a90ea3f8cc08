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
 * Problems between resources that only meshgate's reading of the layout puts in one cluster. Where the repository
 * declares nothing (no Argo CD or Flux object, no {@code applications:}), meshgate assumes its applications are
 * deployed together, and its loose YAML files too; but two applications, or two loose files, defining the same object
 * are more often alternative ways to install one component (a chart beside kustomize manifests, Istio's
 * {@code virtual-service-*.yaml} variants) than a clash, and two Gateways that conflict from different folders of a
 * samples repository are more often examples to apply one at a time. Those are warnings. A problem that something
 * declares together stays an error: within one file, kustomization or chart, among the loose files of one folder (as
 * an Argo CD directory application applies it), or between applications that an Argo CD or Flux object declares.
 */
final class InferredAlternatives {

    private static final String BETWEEN_APPLICATIONS = "; the copies come from different applications that the"
            + " repository does not declare as deployed together (if they are, only one copy is applied)";
    private static final String BETWEEN_FILES = "; the copies are in different plain YAML files that nothing"
            + " declares as applied together (no kustomization, Argo CD Application or Flux Kustomization lists"
            + " both): alternatives, or a clash if their folder is applied as a whole (then the last copy wins)";
    private static final String BETWEEN_PLACES = "; the resources it conflicts with come from other applications or"
            + " folders that nothing declares as deployed together with it: alternatives, or a conflict once they"
            + " share a cluster";

    private final Map<ResourceRef, Set<String>> owners = new HashMap<>();
    /** For each object of the loose files, how many copies each file holds. */
    private final Map<ResourceRef, Map<String, Integer>> looseCopies = new HashMap<>();
    /** For each object, every application (and loose file) it comes from. */
    private final Map<ResourceRef, Set<Place>> places = new HashMap<>();

    private final Set<String> declared = new HashSet<>();

    InferredAlternatives(List<RenderedApplication> applications) {
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
                places.computeIfAbsent(ref, key -> new HashSet<>())
                        .add(new Place(
                                name, !inferred, loose ? resource.origin().file() : null));
                if (loose) {
                    looseCopies
                            .computeIfAbsent(ref, key -> new HashMap<>())
                            .merge(resource.origin().file(), 1, Integer::sum);
                }
            });
        }
    }

    /** The findings, with each problem between resources that nothing declares together a warning that says why. */
    List<Finding> judge(List<Finding> findings) {
        return findings.stream().map(this::judge).toList();
    }

    private Finding judge(Finding finding) {
        if (finding.resource() == null || finding.severity() != Severity.ERROR) {
            return finding;
        }
        if (finding.message() == Message.MG0006) {
            return judgeCopies(finding);
        }
        return finding.involved().isEmpty() ? finding : judgeConflict(finding);
    }

    private Finding judgeCopies(Finding finding) {
        Set<String> applications = owners.getOrDefault(finding.resource(), Set.of());
        if (applications.stream().anyMatch(declared::contains)) {
            return finding;
        }
        if (applications.size() > 1) {
            return finding.downgraded(Severity.WARNING, BETWEEN_APPLICATIONS);
        }
        Map<String, Integer> copies = looseCopies.getOrDefault(finding.resource(), Map.of());
        if (copies.size() > 1 && copies.values().stream().allMatch(count -> count == 1)) {
            return finding.downgraded(Severity.WARNING, BETWEEN_FILES);
        }
        return finding;
    }

    private Finding judgeConflict(Finding finding) {
        Set<Place> own = places.getOrDefault(finding.resource(), Set.of());
        String ownFile = finding.origin().file();
        Set<Place> here = new HashSet<>();
        for (Place place : own) {
            // The finding's own file tells its copy apart from a namesake of another kind (a Gateway API Gateway).
            if (place.file() == null || place.file().equals(ownFile)) {
                here.add(place);
            }
        }
        if (here.isEmpty() || here.stream().anyMatch(Place::declared)) {
            return finding;
        }
        for (ResourceRef other : finding.involved()) {
            Set<Place> theirs = places.getOrDefault(other, Set.of());
            if (theirs.isEmpty() || theirs.stream().anyMatch(place -> place.declared() || sharedWith(place, here))) {
                return finding;
            }
        }
        return finding.downgraded(Severity.WARNING, BETWEEN_PLACES);
    }

    private static boolean sharedWith(Place place, Set<Place> here) {
        return here.stream().anyMatch(mine -> mine.together(place));
    }

    /**
     * Where a resource comes from: its application, and for loose files the file; resources of one application are
     * deployed together, except loose files of different folders (an Argo CD directory application applies one).
     */
    private record Place(String application, boolean declared, String file) {

        boolean together(Place other) {
            if (!application.equals(other.application)) {
                return false;
            }
            return file == null || other.file == null || folder(file).equals(folder(other.file));
        }

        private static String folder(String file) {
            int slash = file.lastIndexOf('/');
            return slash < 0 ? "" : file.substring(0, slash);
        }
    }
}
