package dev.meshgate.analysis.rules.annotation;

import dev.meshgate.analysis.rules.values.IpAddress;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The values the sidecar injector accepts for the annotations it reads (its own validation, as istioctl applies it):
 * each check returns what is wrong with a value, or nothing.
 */
final class AnnotationValues {

    private static final Pattern QUANTITY = Pattern.compile(
            "[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");
    private static final Pattern INTERFACE = Pattern.compile("[^/\\s:]{1,15}");
    private static final Set<String> BOOLEANS =
            Set.of("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False");

    private static final Map<String, Function<String, Optional<String>>> CHECKS = Map.ofEntries(
            Map.entry("sidecar.istio.io/interceptionMode", AnnotationValues::interceptionMode),
            Map.entry("status.sidecar.istio.io/port", v -> port(v.trim())),
            Map.entry("readiness.status.sidecar.istio.io/initialDelaySeconds", AnnotationValues::unsigned),
            Map.entry("readiness.status.sidecar.istio.io/periodSeconds", AnnotationValues::unsigned),
            Map.entry("readiness.status.sidecar.istio.io/failureThreshold", AnnotationValues::unsigned),
            Map.entry("traffic.sidecar.istio.io/includeOutboundIPRanges", v -> v.equals("*") ? none() : cidrs(v)),
            Map.entry("traffic.sidecar.istio.io/excludeOutboundIPRanges", AnnotationValues::cidrs),
            Map.entry("traffic.sidecar.istio.io/includeInboundPorts", v -> v.equals("*") ? none() : ports(v)),
            Map.entry("traffic.sidecar.istio.io/excludeInboundPorts", AnnotationValues::ports),
            Map.entry("traffic.sidecar.istio.io/excludeOutboundPorts", AnnotationValues::ports),
            Map.entry("traffic.sidecar.istio.io/excludeInterfaces", AnnotationValues::interfaces),
            Map.entry("traffic.sidecar.istio.io/kubevirtInterfaces", AnnotationValues::interfaces),
            Map.entry("istio.io/reroute-virtual-interfaces", AnnotationValues::interfaces),
            Map.entry("prometheus.istio.io/merge-metrics", AnnotationValues::bool),
            Map.entry("sidecar.istio.io/proxyCPU", AnnotationValues::quantity),
            Map.entry("sidecar.istio.io/proxyMemory", AnnotationValues::quantity),
            Map.entry("sidecar.istio.io/proxyCPULimit", AnnotationValues::quantity),
            Map.entry("sidecar.istio.io/proxyMemoryLimit", AnnotationValues::quantity));

    private AnnotationValues() {}

    /** What is wrong with the annotation's value, if the injector validates that annotation and rejects it. */
    static Optional<String> problem(String annotation, String value) {
        Function<String, Optional<String>> check = CHECKS.get(annotation);
        return check == null ? none() : check.apply(value);
    }

    private static Optional<String> none() {
        return Optional.empty();
    }

    private static Optional<String> interceptionMode(String value) {
        return Set.of("REDIRECT", "TPROXY", "NONE").contains(value)
                ? none()
                : Optional.of("interceptionMode invalid, use REDIRECT,TPROXY,NONE: " + value);
    }

    private static Optional<String> unsigned(String value) {
        return value.matches("[0-9]{1,10}") && Long.parseLong(value) <= 0xFFFFFFFFL
                ? none()
                : Optional.of("'" + value + "' is not an unsigned 32-bit integer");
    }

    private static Optional<String> port(String value) {
        return value.matches("[0-9]{1,5}") && Integer.parseInt(value) <= 65535
                ? none()
                : Optional.of("failed parsing port '" + value + "'");
    }

    private static Optional<String> ports(String value) {
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            return none();
        }
        for (String port : trimmed.split(",", -1)) {
            Optional<String> problem = port(port.trim());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return none();
    }

    /** A comma-separated list of CIDR ranges, without spaces (the injector parses each item as it is). */
    private static Optional<String> cidrs(String value) {
        if (value.isEmpty()) {
            return none();
        }
        for (String cidr : value.split(",", -1)) {
            int slash = cidr.indexOf('/');
            boolean valid = slash > 0 && IpAddress.valid(cidr.substring(0, slash)) && prefixLength(cidr, slash);
            if (!valid) {
                return Optional.of("failed parsing cidr '" + cidr + "'");
            }
        }
        return none();
    }

    private static boolean prefixLength(String cidr, int slash) {
        String length = cidr.substring(slash + 1);
        int max = cidr.indexOf(':') >= 0 ? 128 : 32;
        return length.matches("[0-9]{1,3}") && Integer.parseInt(length) <= max;
    }

    private static Optional<String> interfaces(String value) {
        if (value.isEmpty()) {
            return none();
        }
        for (String name : value.split(",", -1)) {
            if (!INTERFACE.matcher(name).matches()) {
                return Optional.of("invalid interface name '" + name + "'");
            }
        }
        return none();
    }

    private static Optional<String> bool(String value) {
        return BOOLEANS.contains(value) ? none() : Optional.of("'" + value + "' is not a boolean");
    }

    private static Optional<String> quantity(String value) {
        return QUANTITY.matcher(value).matches() ? none() : Optional.of("'" + value + "' is not a resource quantity");
    }
}
