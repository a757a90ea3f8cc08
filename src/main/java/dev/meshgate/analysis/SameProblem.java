package dev.meshgate.analysis;

import dev.meshgate.manifest.Origin;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reports each problem once. meshgate's webhook rules (MG11xx, IST0106) know much of what the CRDs' schemas and CEL
 * rules say, so with CRDs both may flag one field: a CRD finding (MG1201, MG1202) and a webhook finding on the same
 * resource at the same field position are taken as one problem. The CRD's finding stays, since its message is the
 * one the API server will print, and it stands for the other's code, so that suppressing or switching off either
 * code still removes it.
 */
public final class SameProblem {

    private static final Set<Message> FROM_CRDS = EnumSet.of(Message.MG1201, Message.MG1202);

    private SameProblem() {}

    private record Place(ResourceRef resource, String application, String file, int line, int column) {

        static Place of(Finding finding) {
            Origin origin = finding.origin();
            return new Place(finding.resource(), finding.application(), origin.file(), origin.line(), origin.column());
        }
    }

    /** The findings with every webhook finding that a CRD finding repeats folded into that one, in their order. */
    public static List<Finding> merge(List<Finding> findings) {
        Map<Place, Integer> fromCrds = new HashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            if (finding.resource() != null && FROM_CRDS.contains(finding.message())) {
                fromCrds.putIfAbsent(Place.of(finding), i);
            }
        }
        if (fromCrds.isEmpty()) {
            return findings;
        }
        List<Finding> merged = new ArrayList<>(findings);
        boolean[] absorbed = new boolean[findings.size()];
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            if (!isWebhookCode(finding.message()) || finding.resource() == null) {
                continue;
            }
            Integer crd = fromCrds.get(Place.of(finding));
            if (crd != null) {
                merged.set(crd, merged.get(crd).standingFor(finding.message()));
                absorbed[i] = true;
            }
        }
        List<Finding> kept = new ArrayList<>(merged.size());
        for (int i = 0; i < merged.size(); i++) {
            if (!absorbed[i]) {
                kept.add(merged.get(i));
            }
        }
        return kept;
    }

    private static boolean isWebhookCode(Message message) {
        return message == Message.IST0106 || message.code().startsWith("MG11");
    }
}
