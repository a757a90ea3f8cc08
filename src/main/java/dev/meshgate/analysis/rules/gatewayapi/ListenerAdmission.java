package dev.meshgate.analysis.rules.gatewayapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.HostNames;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides whether a listener lets a route attach, as Istio's Gateway controller does: the route's namespace must be
 * allowed ({@code allowedRoutes.namespaces}, Same by default), its kind among those the listener's protocol serves
 * and {@code allowedRoutes.kinds} lists, and its hostnames must intersect the listener's hostname.
 */
final class ListenerAdmission {

    private ListenerAdmission() {}

    /**
     * The listener's answer for the route; {@code namespaces} finds a Namespace object of the input by name.
     */
    static Admission of(
            Listener listener, Resource gateway, Resource route, Function<String, Optional<Resource>> namespaces) {
        Admission byNamespace = byNamespace(listener, gateway, route, namespaces);
        if (byNamespace.refused()) {
            return byNamespace;
        }
        Admission byKind = byKind(listener, route.kind().kind());
        if (byKind.refused()) {
            return byKind;
        }
        Admission byHostname = byHostname(listener, route);
        if (byHostname.refused()) {
            return byHostname;
        }
        return byNamespace.outcome() == Admission.Outcome.UNKNOWN || byKind.outcome() == Admission.Outcome.UNKNOWN
                ? Admission.UNKNOWN
                : Admission.ADMITTED;
    }

    private static Admission byNamespace(
            Listener listener, Resource gateway, Resource route, Function<String, Optional<Resource>> namespaces) {
        JsonNode allowed = listener.body().path("allowedRoutes").path("namespaces");
        String from = allowed.path("from").asText("Same");
        String routeNamespace = route.namespace();
        return switch (from) {
            case "All" -> Admission.ADMITTED;
            case "Same" -> routeNamespace.equals(gateway.namespace())
                    ? Admission.ADMITTED
                    : Admission.refused("listener " + listener.name() + " admits routes of namespace "
                            + gateway.namespace() + " only (allowedRoutes.namespaces.from Same), not of "
                            + routeNamespace);
            case "Selector" -> NamespaceSelector.matches(
                            allowed.path("selector"), routeNamespace, namespaces.apply(routeNamespace))
                    .map(matches -> matches
                            ? Admission.ADMITTED
                            : Admission.refused("listener " + listener.name()
                                    + " admits routes of the namespaces its allowedRoutes selector picks, and"
                                    + " namespace " + routeNamespace + " does not match it"))
                    .orElse(Admission.UNKNOWN);
            default -> Admission.UNKNOWN;
        };
    }

    private static Admission byKind(Listener listener, String routeKind) {
        List<String> supported = supportedKinds(listener);
        JsonNode allowedKinds = listener.body().path("allowedRoutes").path("kinds");
        if (allowedKinds.isArray() && !allowedKinds.isEmpty()) {
            List<String> allowed = new ArrayList<>();
            for (JsonNode kind : allowedKinds) {
                if (kind.path("group").asText(Kinds.GATEWAY_API).equals(Kinds.GATEWAY_API)) {
                    allowed.add(kind.path("kind").asText(""));
                }
            }
            if (!allowed.contains(routeKind)) {
                return Admission.refused("listener " + listener.name() + " admits " + String.join(", ", allowed)
                        + " (allowedRoutes.kinds), not " + routeKind);
            }
        }
        if (supported == null) {
            return Admission.UNKNOWN;
        }
        return supported.contains(routeKind)
                ? Admission.ADMITTED
                : Admission.refused("listener " + listener.name() + " with protocol " + listener.protocol() + " serves "
                        + String.join(", ", supported) + ", not " + routeKind);
    }

    /** The route kinds Istio serves on a listener of the protocol; null for a protocol it gives no defaults. */
    private static List<String> supportedKinds(Listener listener) {
        return switch (listener.protocol()) {
            case "HTTP", "HTTPS" -> List.of("HTTPRoute", "GRPCRoute");
            case "TCP" -> List.of("TCPRoute");
            case "TLS" -> listener.body().path("tls").isObject()
                            && listener.body()
                                    .path("tls")
                                    .path("mode")
                                    .asText("Terminate")
                                    .equals("Terminate")
                    ? List.of("TLSRoute", "TCPRoute")
                    : List.of("TLSRoute");
            default -> null;
        };
    }

    private static Admission byHostname(Listener listener, Resource route) {
        JsonNode hostnames = route.at("/spec/hostnames");
        if (listener.hostname().isEmpty() || !hostnames.isArray() || hostnames.isEmpty()) {
            return Admission.ADMITTED;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode hostname : hostnames) {
            if (HostNames.overlap(listener.hostname(), hostname.asText(""))) {
                return Admission.ADMITTED;
            }
            names.add(hostname.asText(""));
        }
        return Admission.refused("listener " + listener.name() + " serves hostname " + listener.hostname()
                + ", which none of the route's hostnames " + names + " matches");
    }
}
