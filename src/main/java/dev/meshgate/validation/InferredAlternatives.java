package dev.meshgate.validation;

import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.ResourceRef;
import dev.meshgate.analysis.Severity;
import dev.meshgate.render.RenderedApplication;
import dev.meshgate.render.SourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** For each object, every copy's place: its application, and for loose files the file. */
    private final Map<ResourceRef, List<Place>> copies = new HashMap<>();

    InferredAlternatives(List<RenderedApplication> applications) {
        for (RenderedApplication application : applications) {
            String name = application.source().name();
            boolean declared = application.source().declaredBy() != null;
            boolean loose = !declared && application.source().type() == SourceType.DIRECTORY;
            application.loaded().resources().forEach(resource -> copies.computeIfAbsent(
                            ResourceRef.of(resource), key -> new ArrayList<>())
                    .add(new Place(name, declared, loose ? resource.origin().file() : null)));
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
        List<Place> places = copies.getOrDefault(finding.resource(), List.of());
        if (places.stream().anyMatch(Place::declared)) {
            return finding;
        }
        if (places.stream().map(Place::application).distinct().count() > 1) {
            return finding.downgraded(Severity.WARNING, BETWEEN_APPLICATIONS);
        }
        Map<String, Long> perFile = places.stream()
                .filter(place -> place.file() != null)
                .collect(Collectors.groupingBy(Place::file, Collectors.counting()));
        if (perFile.size() > 1 && perFile.values().stream().allMatch(count -> count == 1)) {
            return finding.downgraded(Severity.WARNING, BETWEEN_FILES);
        }
        return finding;
    }

    private Finding judgeConflict(Finding finding) {
        List<Place> own = copies.getOrDefault(finding.resource(), List.of());
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
            List<Place> theirs = copies.getOrDefault(other, List.of());
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
