package dev.meshgate.analysis.schema;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Fields the Istio CRDs list as required (the API server answers "Required value") that fabric8's model does not
 * mark, and that no per-kind rule asks for already; compared with the CRDs of Istio 1.30.3 and the coming 1.31. Each
 * entry is the pointer pattern of the object and the fields it must hold.
 */
final class RequiredFields {

    private static final String TRAFFIC_POLICY = "/spec(/subsets/\\d+)?/trafficPolicy(/portLevelSettings/\\d+)?";

    private record Entry(String kind, Pattern object, List<String> fields) {}

    private static final List<Entry> ENTRIES = List.of(
            entry("Gateway", "/spec/servers/\\d+/port", "number", "name"),
            entry("ServiceEntry", "/spec/ports/\\d+", "number"),
            entry("VirtualService", "/spec/tls/\\d+", "match"),
            entry("VirtualService", "/spec/tls/\\d+/match/\\d+", "sniHosts"),
            entry("VirtualService", "/spec/http/\\d+/directResponse", "status"),
            entry("VirtualService", "/spec/http/\\d+/mirror", "host"),
            entry("VirtualService", "/spec/http/\\d+/mirrors/\\d+", "destination"),
            entry("VirtualService", "/spec/http/\\d+/mirrors/\\d+/destination", "host"),
            entry("Sidecar", "/spec/egress/\\d+", "hosts"),
            entry("Sidecar", "/spec/ingress/\\d+", "port"),
            entry("Sidecar", "/spec/outboundTrafficPolicy/egressProxy", "host"),
            entry("DestinationRule", TRAFFIC_POLICY + "/tunnel", "targetHost", "targetPort"));

    private RequiredFields() {}

    /** The required fields of the object at the pointer in a resource of the kind, or an empty list. */
    static List<String> of(String kind, String pointer) {
        for (Entry entry : ENTRIES) {
            if (entry.kind().equals(kind) && entry.object().matcher(pointer).matches()) {
                return entry.fields();
            }
        }
        return List.of();
    }

    private static Entry entry(String kind, String object, String... fields) {
        return new Entry(kind, Pattern.compile(object), List.of(fields));
    }
}
