package dev.meshgate.analysis.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fields the Istio CRDs accept but fabric8 istio-model 7.5.2 lacks or mistypes. Without this overlay valid manifests
 * would get false findings; each entry names where in the API the gap is, so it can go when the model catches up.
 */
final class ModelGaps {

    private static final List<Pattern> MISSING_FIELDS = List.of(
            // fabric8's RingHash class shares its name with the oneof wrapper, so ringHash holds itself.
            Pattern.compile(".*/consistentHash/ringHash/minimumRingSize"),
            // Deprecated snake_case spellings the CRDs still accept.
            Pattern.compile("/spec/http/\\d+/mirror_percent"),
            Pattern.compile("/spec/jwtRules/\\d+/jwks_uri"),
            // Added in Istio 1.29 and 1.30.
            Pattern.compile("/spec/rules/\\d+/from/\\d+/source/(trustDomains|notTrustDomains)"),
            Pattern.compile("/spec/configPatches/\\d+/match/waypoint"),
            Pattern.compile("/spec/tracing/\\d+/customTags/[^/]+/formatter"),
            Pattern.compile("/spec/tracing/\\d+/disableContextPropagation"));

    // WasmPlugin match mode is an enum in the CRD but an Integer in fabric8.
    private static final Pattern WASM_MATCH_MODE = Pattern.compile("/spec/match/\\d+/mode");
    private static final Set<String> WASM_MODES = Set.of("UNDEFINED", "CLIENT", "SERVER", "CLIENT_AND_SERVER");

    private ModelGaps() {}

    /** Whether a field unknown to the model is one the CRDs accept. */
    static boolean missingField(String pointer) {
        for (Pattern pattern : MISSING_FIELDS) {
            if (pattern.matcher(pointer).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a value the model types as a number is an enum name the CRD accepts there. */
    static boolean enumTypedAsNumber(String pointer, JsonNode node) {
        return node.isTextual()
                && WASM_MODES.contains(node.textValue())
                && WASM_MATCH_MODE.matcher(pointer).matches();
    }
}
