package dev.meshgate.analysis.policy;

import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.ResourceRef;
import dev.meshgate.manifest.Resource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Suppression written on the resource itself: Istio's {@code galley.istio.io/analyze-suppress} and meshgate's
 * {@code meshgate.dev/suppress}, each a comma-separated list of codes ("*" for all).
 */
final class SuppressionAnnotations {

    static final String ISTIO = "galley.istio.io/analyze-suppress";
    static final String MESHGATE = "meshgate.dev/suppress";

    private final Map<ResourceRef, String> codesByResource = new HashMap<>();

    /** Collects the suppression annotations of the analysed resources once. */
    SuppressionAnnotations(List<Resource> resources) {
        for (Resource resource : resources) {
            Map<String, String> annotations = resource.annotations();
            String istio = annotations.get(ISTIO);
            String meshgate = annotations.get(MESHGATE);
            if (istio != null || meshgate != null) {
                codesByResource.merge(ResourceRef.of(resource), join(istio, meshgate), (a, b) -> a + "," + b);
            }
        }
    }

    boolean suppressed(Finding finding) {
        String codes = finding.resource() == null ? null : codesByResource.get(finding.resource());
        if (codes == null) {
            return false;
        }
        for (String code : codes.split(",")) {
            if (!code.isBlank() && Codes.matches(code, finding)) {
                return true;
            }
        }
        return false;
    }

    private static String join(String a, String b) {
        return (a == null ? "" : a) + "," + (b == null ? "" : b);
    }
}
