package dev.meshgate.analysis.rules.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.analysis.rules.values.HostSyntax;
import dev.meshgate.analysis.rules.values.IpAddress;
import dev.meshgate.analysis.rules.virtualservice.VirtualServiceDestinations;
import dev.meshgate.analysis.rules.virtualservice.VirtualServiceGateways;
import dev.meshgate.manifest.Resource;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Host names Istio's webhook rejects, by its own rules for each field: VirtualService hosts (IP addresses allowed,
 * "*" not on the mesh, the generated "outbound_.PORT_._.HOST" form on TLS routes of a gateway) and destinations (no
 * "*"), DestinationRule hosts, ServiceEntry hosts (no "*"; only FQDNs with DNS resolution and no endpoints), Gateway
 * hosts ("namespace/host", an FQDN or an IP address, no partial wildcard) and Sidecar egress hosts (always
 * "namespace/host"). A leading "*foo" label is a wildcard Istio accepts where partial wildcards are allowed.
 */
public final class HostSyntaxRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "networking-host-syntax",
                "Hosts are valid DNS names with at most a leading wildcard",
                Set.of(Message.MG1104),
                Set.of(
                        Kinds.VIRTUAL_SERVICE,
                        Kinds.DESTINATION_RULE,
                        Kinds.SERVICE_ENTRY,
                        Kinds.GATEWAY,
                        Kinds.SIDECAR));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.VIRTUAL_SERVICE, vs -> checkVirtualService(context, vs));
        context.onEach(Kinds.DESTINATION_RULE, dr -> {
            if (dr.at("/spec/host").isTextual()) {
                check(context, dr, dr.at("/spec/host").asText(), "/spec/host");
            }
        });
        context.onEach(Kinds.SERVICE_ENTRY, se -> checkServiceEntry(context, se));
        context.onEach(
                Kinds.GATEWAY,
                gateway -> Elements.each(
                        gateway.at("/spec/servers"),
                        "/spec/servers",
                        (server, pointer) -> Elements.each(
                                server.path("hosts"),
                                pointer + "/hosts",
                                (host, hostPointer) ->
                                        checkNamespaced(context, gateway, host.asText(), hostPointer, true))));
        context.onEach(
                Kinds.SIDECAR,
                sidecar -> Elements.each(
                        sidecar.at("/spec/egress"),
                        "/spec/egress",
                        (egress, pointer) -> Elements.each(
                                egress.path("hosts"),
                                pointer + "/hosts",
                                (host, hostPointer) ->
                                        checkNamespaced(context, sidecar, host.asText(), hostPointer, false))));
    }

    private static void checkVirtualService(Context context, Resource vs) {
        List<VirtualServiceGateways.Reference> gateways = VirtualServiceGateways.bound(vs);
        boolean mesh = gateways.stream().anyMatch(VirtualServiceGateways.Reference::isMesh);
        boolean sni = !mesh && hasSniMatch(vs);
        Elements.each(vs.at("/spec/hosts"), "/spec/hosts", (node, pointer) -> {
            String host = node.asText();
            Optional<String> problem =
                    sni && host.startsWith("outbound_") ? generatedSniHostProblem(host) : HostSyntax.problem(host);
            if (problem.isPresent() && !IpAddress.valid(host)) {
                context.report(Message.MG1104, vs, pointer, host, problem.get());
            } else if (problem.isEmpty() && mesh && host.equals("*")) {
                context.report(
                        Message.MG1104,
                        vs,
                        pointer,
                        "*",
                        "a VirtualService bound to the mesh gateway cannot use the host \"*\"");
            }
        });
        VirtualServiceDestinations.forEach(vs, d -> {
            String host = d.host();
            if (host != null && host.equals("*")) {
                context.report(Message.MG1104, vs, d.pointer() + "/host", host, "a destination host cannot be \"*\"");
            } else if (host != null && !host.isEmpty()) {
                HostSyntax.problem(host)
                        .ifPresent(problem -> context.report(Message.MG1104, vs, d.pointer() + "/host", host, problem));
            }
        });
    }

    /** Whether a TLS route matches SNI hosts: then hosts may be of the form Istio generates for them. */
    private static boolean hasSniMatch(Resource vs) {
        for (JsonNode route : vs.at("/spec/tls")) {
            for (JsonNode match : route.path("match")) {
                if (!match.path("sniHosts").isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "outbound_.PORT_._.HOSTNAME": the direction, a port with a digit, a host name with a letter. */
    private static Optional<String> generatedSniHostProblem(String host) {
        String[] parts = host.split("_", -1);
        if (parts.length < 4
                || !parts[0].equals("outbound")
                || !strip(parts[1]).matches(".*[0-9].*")
                || !strip(parts[3]).matches(".*[a-zA-Z].*")) {
            return Optional.of("expected the form outbound_.<PORT>_._.<HOSTNAME>");
        }
        return Optional.empty();
    }

    private static String strip(String part) {
        return part.replaceAll("^\\.+|\\.+$", "");
    }

    private static void checkServiceEntry(Context context, Resource se) {
        Elements.each(se.at("/spec/hosts"), "/spec/hosts", (node, pointer) -> {
            String host = node.asText();
            if (host.equals("*")) {
                context.report(Message.MG1104, se, pointer, host, "a ServiceEntry host cannot be \"*\"");
                return;
            }
            Optional<String> problem = HostSyntax.problem(host);
            // A wildcard under DNS resolution without endpoints is ServiceEntryRule's MG1125: one finding per problem.
            problem.ifPresent(reason -> context.report(Message.MG1104, se, pointer, host, reason));
        });
    }

    /**
     * Gateway and Sidecar hosts are "namespace/host": the namespace ".", "*", "~" (Sidecar only) or a namespace name,
     * the host an FQDN or "*" without partial wildcards (or an IP address, on a Gateway). Gateways also take a host
     * without a namespace.
     */
    private static void checkNamespaced(
            Context context, Resource resource, String text, String pointer, boolean gateway) {
        int slash = text.indexOf('/');
        if (slash < 0 && !gateway) {
            context.report(Message.MG1104, resource, pointer, text, "expected \"namespace/host\"");
            return;
        }
        if (slash == 0 || slash == text.length() - 1) {
            context.report(Message.MG1104, resource, pointer, text, "expected \"namespace/host\"");
            return;
        }
        if (slash > 0) {
            String namespace = text.substring(0, slash);
            boolean special = namespace.equals("*") || namespace.equals(".") || (!gateway && namespace.equals("~"));
            if (!special && !HostSyntax.isDnsLabel(namespace)) {
                context.report(Message.MG1104, resource, pointer, text, "'" + namespace + "' is not a namespace name");
                return;
            }
        }
        String host = text.substring(slash + 1);
        Optional<String> problem = !host.equals("*") && host.indexOf('.') < 0
                ? Optional.of("short names are not allowed here: write the full name")
                : HostSyntax.problem(host)
                        .filter(found -> !(gateway && IpAddress.valid(host)))
                        .or(() -> HostSyntax.partialWildcardProblem(host));
        problem.ifPresent(found -> context.report(Message.MG1104, resource, pointer, text, found));
    }

    private static void check(Context context, Resource resource, String host, String pointer) {
        HostSyntax.problem(host).ifPresent(problem -> context.report(Message.MG1104, resource, pointer, host, problem));
    }
}
