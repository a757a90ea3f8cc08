package dev.meshgate.analysis;

import dev.meshgate.manifest.Origin;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reports each problem once. meshgate's webhook rules (MG11xx, IST0106) know much of what the CRDs' schemas and CEL
 * rules say, so with CRDs both may flag one field: a CRD finding (MG1201, MG1202) and a webhook finding on the same
 * resource at the same field position are taken as one problem. The CRD's finding stays, since its message is the
 * one the API server will print, and it stands for the other's code, so that suppressing or switching off either
 * code still removes it. Without CRDs, the built-in structure check (IST0106) and a per-kind rule (MG11xx) may flag
 * one field alike (a port out of range): the per-kind finding stays, since it says what the field must be.
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
        List<Finding> merged =
                fold(findings, finding -> FROM_CRDS.contains(finding.message()), SameProblem::isWebhookCode);
        return fold(merged, SameProblem::isPerKindCode, finding -> finding.message() == Message.IST0106);
    }

    /** Folds each {@code absorbed} finding into a {@code keeper} on the same resource at the same position. */
    private static List<Finding> fold(List<Finding> findings, Predicate<Finding> keeper, Predicate<Finding> absorbed) {
        Map<Place, Integer> keepers = new HashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            if (finding.resource() != null && keeper.test(finding)) {
                keepers.putIfAbsent(Place.of(finding), i);
            }
        }
        if (keepers.isEmpty()) {
            return findings;
        }
        List<Finding> merged = new ArrayList<>(findings);
        boolean[] gone = new boolean[findings.size()];
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            if (finding.resource() == null || !absorbed.test(finding) || keeper.test(finding)) {
                continue;
            }
            Integer kept = keepers.get(Place.of(finding));
            if (kept != null) {
                merged.set(kept, merged.get(kept).standingFor(finding.message()));
                gone[i] = true;
            }
        }
        List<Finding> kept = new ArrayList<>(merged.size());
        for (int i = 0; i < merged.size(); i++) {
            if (!gone[i]) {
                kept.add(merged.get(i));
            }
        }
        return kept;
    }

    private static boolean isWebhookCode(Finding finding) {
        return finding.message() == Message.IST0106 || isPerKindCode(finding);
    }

    private static boolean isPerKindCode(Finding finding) {
        return finding.message().code().startsWith("MG11");
    }
}
