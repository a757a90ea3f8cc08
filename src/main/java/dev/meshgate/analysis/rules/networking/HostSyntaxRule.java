package dev.meshgate.analysis.rules.networking;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.IstioModel;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.analysis.rules.values.HostSyntax;
import dev.meshgate.analysis.rules.virtualservice.VirtualServiceDestinations;
import dev.meshgate.analysis.rules.virtualservice.VirtualServiceGateways;
import dev.meshgate.manifest.Resource;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import java.util.Set;

/**
 * Host names Istio rejects: malformed DNS names and misplaced wildcards in VirtualService, DestinationRule,
 * ServiceEntry, Gateway and Sidecar hosts; "*" on a VirtualService bound to the mesh; wildcard ServiceEntry hosts with
 * DNS resolution.
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
        context.onEach(Kinds.SERVICE_ENTRY, se -> {
            boolean dns = se.at("/spec/resolution").asText("").startsWith("DNS");
            Elements.each(se.at("/spec/hosts"), "/spec/hosts", (host, pointer) -> {
                check(context, se, host.asText(), pointer);
                if (dns && host.asText().startsWith("*")) {
                    context.report(
                            Message.MG1104,
                            se,
                            pointer,
                            host.asText(),
                            "wildcard hosts cannot be resolved with DNS resolution");
                }
            });
        });
        context.onEach(
                Kinds.GATEWAY,
                gateway -> Elements.each(
                        gateway.at("/spec/servers"),
                        "/spec/servers",
                        (server, pointer) -> Elements.each(
                                server.path("hosts"),
                                pointer + "/hosts",
                                (host, hostPointer) -> checkNamespaced(context, gateway, host.asText(), hostPointer))));
        context.onEach(
                Kinds.SIDECAR,
                sidecar -> Elements.each(
                        sidecar.at("/spec/egress"),
                        "/spec/egress",
                        (egress, pointer) -> Elements.each(
                                egress.path("hosts"),
                                pointer + "/hosts",
                                (host, hostPointer) -> checkNamespaced(context, sidecar, host.asText(), hostPointer))));
    }

    private static void checkVirtualService(Context context, Resource vs) {
        boolean mesh = VirtualServiceGateways.bound(vs).stream().anyMatch(VirtualServiceGateways.Reference::isMesh);
        Elements.each(vs.at("/spec/hosts"), "/spec/hosts", (host, pointer) -> {
            if (mesh && host.asText().equals("*")) {
                context.report(
                        Message.MG1104,
                        vs,
                        pointer,
                        "*",
                        "a VirtualService bound to the mesh gateway cannot use the host \"*\"");
            } else {
                check(context, vs, host.asText(), pointer);
            }
        });
        IstioModel.spec(vs, VirtualService.class)
                .ifPresent(spec -> VirtualServiceDestinations.forEach(spec, d -> {
                    String host = d.destination().getHost();
                    if (host != null && !host.isEmpty() && host.startsWith("*")) {
                        context.report(
                                Message.MG1104,
                                vs,
                                d.pointer() + "/host",
                                host,
                                "a destination host cannot be a wildcard");
                    } else if (host != null && !host.isEmpty()) {
                        HostSyntax.problem(host)
                                .ifPresent(problem ->
                                        context.report(Message.MG1104, vs, d.pointer() + "/host", host, problem));
                    }
                }));
    }

    /** Gateway and Sidecar hosts are "namespace/host", where the namespace may be ".", "*" or "~" (Sidecar). */
    private static void checkNamespaced(Context context, Resource resource, String text, String pointer) {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(slash + 1);
        if (slash == 0 || text.indexOf('/', slash + 1) >= 0) {
            context.report(Message.MG1104, resource, pointer, text, "expected \"namespace/host\"");
        } else {
            check(context, resource, host, pointer);
        }
    }

    private static void check(Context context, Resource resource, String host, String pointer) {
        HostSyntax.problem(host).ifPresent(problem -> context.report(Message.MG1104, resource, pointer, host, problem));
    }
}
