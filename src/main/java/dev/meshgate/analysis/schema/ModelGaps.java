package dev.meshgate.analysis.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the Istio CRDs accept but fabric8 istio-model 7.5.2 lacks or mistypes, so that valid configuration is never
 * an unknown field or a bad enum value. Compared field by field with the CRDs of Istio 1.30.3 (the newest release)
 * and of the coming 1.31 (1.31.0-rc.0, and master of 2026-08-22 for jwtRules presence, backendUtilization,
 * ecdhCurves and transportSocket). Each entry says where in the API it is, so it can go when the model catches up;
 * a field added here is checked against the shape the CRD gives it.
 */
final class ModelGaps {

    private static final Shape STRING = new Shape.Scalar(Shape.ScalarKind.STRING);
    private static final Shape INTEGER = new Shape.Scalar(Shape.ScalarKind.LONG);
    private static final Shape BOOLEAN = new Shape.Scalar(Shape.ScalarKind.BOOLEAN);
    private static final Shape STRINGS = new Shape.Items(STRING);

    /** Where a traffic policy is written in a DestinationRule: top level or per subset, and per port in both. */
    private static final String TRAFFIC_POLICY = "/spec(/subsets/\\d+)?/trafficPolicy(/portLevelSettings/\\d+)?";

    /** Server TLS settings: Gateway servers and Sidecar ingress listeners. */
    private static final String SERVER_TLS = "/spec/(servers|ingress)/\\d+/tls";

    private record Gap(Pattern pointer, Shape shape) {}

    private static final List<Gap> MISSING_FIELDS = List.of(
            // fabric8's RingHash class shares its name with the oneof wrapper, so ringHash holds itself.
            gap(".*/consistentHash/ringHash/minimumRingSize", INTEGER),
            // Deprecated snake_case spellings the CRDs still accept.
            gap("/spec/http/\\d+/mirror_percent", INTEGER),
            gap("/spec/jwtRules/\\d+/jwks_uri", STRING),
            // Istio 1.29 and 1.30.
            gap("/spec/rules/\\d+/from/\\d+/source/(trustDomains|notTrustDomains)", STRINGS),
            gap(
                    "/spec/configPatches/\\d+/match/waypoint",
                    fields(Map.of(
                            "filter", fields(Map.of("name", STRING, "subFilter", fields(Map.of("name", STRING)))),
                            "portNumber", INTEGER,
                            "route", fields(Map.of("name", STRING))))),
            gap("/spec/tracing/\\d+/customTags/[^/]+/formatter", fields(Map.of("value", STRING))),
            gap("/spec/tracing/\\d+/disableContextPropagation", BOOLEAN),
            // Istio 1.31.
            gap(
                    ".*/(connectionPool|inboundConnectionPool)/http/http2KeepAlive",
                    fields(Map.of("interval", STRING, "timeout", STRING))),
            gap(
                    TRAFFIC_POLICY + "/loadBalancer/backendUtilization",
                    fields(Map.of(
                            "errorUtilizationPenaltyPercent", INTEGER,
                            "metricNamesForComputingUtilization", STRINGS,
                            "weightExpirationPeriod", STRING,
                            "weightStabilizationPeriod", STRING,
                            "weightUpdatePeriod", STRING))),
            gap(
                    TRAFFIC_POLICY + "/loadBalancer/zoneAwareLbSetting",
                    fields(Map.of(
                            "enabled", BOOLEAN,
                            "failover", new Shape.Items(fields(Map.of("from", STRING, "to", STRING))),
                            "failoverPriority", STRINGS,
                            "minClusterSize", INTEGER))),
            gap(TRAFFIC_POLICY + "/outlierDetection/outlierDetectionHttpErrorCodes", new Shape.Items(INTEGER)),
            gap(TRAFFIC_POLICY + "/retryBudget/budgetInterval", STRING),
            gap("/spec/configPatches/\\d+/match/listener/filterChain/transportSocket", STRING),
            gap(SERVER_TLS + "/ecdhCurves", STRINGS),
            gap(SERVER_TLS + "/insecureSkipVerify", BOOLEAN),
            gap("/spec/jwtRules/\\d+/presence", oneOf("OPTIONAL", "REQUIRED")),
            gap("/spec/http/\\d+/redirect/prefixRewrite", STRING));

    private record EnumGap(Pattern pointer, List<String> values) {}

    private static final List<EnumGap> ADDED_ENUM_VALUES = List.of(
            // Istio 1.30: patches for waypoint proxies.
            new EnumGap(Pattern.compile("/spec/configPatches/\\d+/match/context"), List.of("WAYPOINT")),
            // Istio 1.31.
            new EnumGap(
                    Pattern.compile("/spec/configPatches/\\d+/patch/operation"), List.of("MERGE_AND_REPLACE_LIST")));

    // WasmPlugin match mode is an enum in the CRD but an Integer in fabric8.
    private static final Pattern WASM_MATCH_MODE = Pattern.compile("/spec/match/\\d+/mode");
    private static final Set<String> WASM_MODES = Set.of("UNDEFINED", "CLIENT", "SERVER", "CLIENT_AND_SERVER");

    /** The bounds of an unsigned protobuf integer: from 0 to {@code max}, or without an upper bound (uint64). */
    record Unsigned(Long max) {}

    /** The largest uint32; every unsigned field accepts 0 to this. */
    static final long UINT32_MAX = 4294967295L;

    private static final Unsigned UINT32 = new Unsigned(UINT32_MAX);
    private static final Unsigned UINT64 = new Unsigned(null);

    // fabric8 types every uint32 and uint64 of the Istio API as Long; these two are uint64.
    private static final Pattern UINT64_FIELDS =
            Pattern.compile(".*/consistentHash/(minimumRingSize|ringHash/minimumRingSize|maglev/tableSize)");

    // Wrapped uint32 values (google.protobuf.UInt32Value) and uint32 map values that fabric8 types as Integer.
    private static final Pattern UINT32_INTEGERS = Pattern.compile(".*/outlierDetection/"
            + "(consecutive5xxErrors|consecutiveGatewayErrors|consecutiveLocalOriginFailures)"
            + "|/spec/http/\\d+/mirrorPercent"
            + "|.*/localityLbSetting/distribute/\\d+/to/[^/]+");

    private ModelGaps() {}

    /** The bounds of a field fabric8 types as Long: every one is an unsigned protobuf integer. */
    static Unsigned unsignedLong(String pointer) {
        return UINT64_FIELDS.matcher(pointer).matches() ? UINT64 : UINT32;
    }

    /** The bounds of a field fabric8 types as Integer when the API makes it unsigned, else null. */
    static Unsigned unsignedInteger(String pointer) {
        return UINT32_INTEGERS.matcher(pointer).matches() ? UINT32 : null;
    }

    /** The shape the CRDs give a field unknown to the model, or null when the CRDs do not know it either. */
    static Shape missingField(String pointer) {
        for (Gap gap : MISSING_FIELDS) {
            if (gap.pointer().matcher(pointer).matches()) {
                return gap.shape();
            }
        }
        return null;
    }

    /** Enum values the CRDs accept at the pointer beyond those of the model's enum, in Istio's order. */
    static List<String> addedEnumValues(String pointer) {
        for (EnumGap gap : ADDED_ENUM_VALUES) {
            if (gap.pointer().matcher(pointer).matches()) {
                return gap.values();
            }
        }
        return List.of();
    }

    /** Whether a value the model types as a number is an enum name the CRD accepts there. */
    static boolean enumTypedAsNumber(String pointer, JsonNode node) {
        return node.isTextual()
                && WASM_MODES.contains(node.textValue())
                && WASM_MATCH_MODE.matcher(pointer).matches();
    }

    private static Gap gap(String pointer, Shape shape) {
        return new Gap(Pattern.compile(pointer), shape);
    }

    private static Shape fields(Map<String, Shape> members) {
        return new Shape.Fields(members);
    }

    private static Shape oneOf(String... values) {
        return new Shape.Enumerated(Set.of(values), String.join(", ", values));
    }
}
