package dev.meshgate.analysis.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fields the Istio CRDs list as required (the API server answers "Required value") that fabric8's model does not
 * mark, and that no per-kind rule asks for already; compared with the CRDs of Istio 1.30.3 and the coming 1.31. Each
 * entry is the pointer pattern of the object and the fields it must hold.
 */
final class RequiredFields {

    private static final String TRAFFIC_POLICY = "/spec(/subsets/\\d+)?/trafficPolicy(/portLevelSettings/\\d+)?";

    private static final String INDEX = "\\d+";

    /**
     * One object that must hold fields; {@code lastName} is the last segment of its pointer that is not an index,
     * compared before the pattern so that most objects of a resource are passed over without a match.
     */
    private record Entry(String kind, Pattern object, String lastName, List<String> fields) {}

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

    private static final Map<String, List<Entry>> BY_KIND = byKind();

    private RequiredFields() {}

    /** The required fields of the object at the pointer in a resource of the kind, or an empty list. */
    static List<String> of(String kind, CharSequence pointer) {
        List<Entry> entries = BY_KIND.get(kind);
        if (entries == null) {
            return List.of();
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (lastNameIs(pointer, entry.lastName())
                    && entry.object().matcher(pointer).matches()) {
                return entry.fields();
            }
        }
        return List.of();
    }

    /** Whether the last segment of the pointer that is not a list index is the name; nothing is allocated. */
    static boolean lastNameIs(CharSequence pointer, String name) {
        int end = pointer.length();
        while (end > 0) {
            int start = end - 1;
            while (start >= 0 && pointer.charAt(start) != '/') {
                start--;
            }
            if (!isIndex(pointer, start + 1, end)) {
                return end - start - 1 == name.length() && startsWith(pointer, start + 1, name);
            }
            end = start;
        }
        return false;
    }

    private static boolean startsWith(CharSequence pointer, int from, String name) {
        for (int i = 0; i < name.length(); i++) {
            if (pointer.charAt(from + i) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIndex(CharSequence pointer, int start, int end) {
        if (start == end) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!Character.isDigit(pointer.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, List<Entry>> byKind() {
        Map<String, List<Entry>> byKind = new HashMap<>();
        for (Entry entry : ENTRIES) {
            byKind.computeIfAbsent(entry.kind(), k -> new ArrayList<>()).add(entry);
        }
        return Map.copyOf(byKind);
    }

    private static Entry entry(String kind, String object, String... fields) {
        String[] segments = object.split("/");
        String lastName = "";
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].equals(INDEX)) {
                lastName = segments[i];
                break;
            }
        }
        if (!lastName.matches("[A-Za-z]+")) {
            throw new IllegalArgumentException("the pattern of a required object must end in a field name: " + object);
        }
        return new Entry(kind, Pattern.compile(object), lastName, List.of(fields));
    }
}
