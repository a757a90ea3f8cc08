package dev.meshgate.analysis.rules.virtualservice;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.ExportTo;
import dev.meshgate.analysis.HostNames;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.Resource;
import java.util.List;
import java.util.Set;

/**
 * A route or mirror destination whose host no Service or ServiceEntry serves that is visible where the VirtualService
 * applies (its own namespace, or one it is exported to: istioctl asks for any of them) (IST0101); an external host
 * without a ServiceEntry is the production-practice warning MG3006 instead, unless the input is the whole mesh, where
 * no other repository can hold its ServiceEntry (IST0101, as istioctl has it). A
 * Service host in a namespace the input does not manage (another team's, the Istio installation's) is unverified
 * (MG2003), not missing.
 */
public final class DestinationHostNotFoundRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "virtualservice-destination-host",
                "Every destination host is a Service or ServiceEntry of the input (or a declared known host)",
                Set.of(Message.IST0101, Message.MG2003, Message.MG3006),
                Set.of(Kinds.VIRTUAL_SERVICE, Kinds.SERVICE, Kinds.SERVICE_ENTRY));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.VIRTUAL_SERVICE, vs -> {
            List<String> seenFrom = ExportTo.seenFrom(vs.at("/spec/exportTo"), vs.namespace());
            VirtualServiceDestinations.forEach(vs, located -> checkDestination(context, vs, seenFrom, located));
        });
    }

    /** Judges one destination of the VirtualService, which is applied in the namespaces {@code seenFrom}. */
    private static void checkDestination(
            Context context, Resource vs, List<String> seenFrom, VirtualServiceDestinations.Located located) {
        String domain = context.settings().clusterDomain();
        String host = located.host();
        if (host == null || host.isEmpty()) {
            return;
        }
        String fqdn = HostNames.fqdn(host, vs.namespace(), domain);
        // Exported nowhere ("~"), it routes nothing; else one namespace that sees the host is enough.
        if (seenFrom.isEmpty() || seenByAny(context, fqdn, seenFrom)) {
            return;
        }
        String pointer = located.pointer() + "/host";
        // In the whole mesh nothing else can serve an external host: the route has no cluster to go to.
        if (HostNames.isExternal(fqdn, domain) && !context.index().verifiable(Reference.host(fqdn, domain))) {
            context.report(Message.MG3006, vs, pointer, fqdn);
        } else {
            context.unresolved(vs, pointer, target(context, fqdn, domain), Message.IST0101, "host", fqdn);
        }
    }

    private static boolean seenByAny(Context context, String fqdn, List<String> namespaces) {
        for (String namespace : namespaces) {
            if (context.index().hostExists(fqdn, namespace)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A Service host points into its namespace; any other cluster-internal name into none the input can tell. A
     * Service of that name that the input renders without a namespace goes wherever it is applied ({@code kubectl
     * apply -n}), so a host naming it in another namespace is not known to be missing.
     */
    private static Reference target(Context context, String fqdn, String domain) {
        Reference in = Reference.host(fqdn, domain);
        if (in.namespace() == null || !context.index().verifiable(in)) {
            return in;
        }
        String name = fqdn.substring(0, fqdn.indexOf('.'));
        // Unplaced Services are in the default namespace: looked up there, not found by trying every Service.
        boolean unplaced = context
                .index()
                .named(Kinds.SERVICE, context.settings().defaultNamespace(), name)
                .stream()
                .anyMatch(service -> Unplaced.is(context, service));
        return unplaced
                ? Reference.wherever(
                        Reference.Target.HOST,
                        fqdn,
                        "the input renders Service " + name + " without a namespace: applied to namespace "
                                + in.namespace() + " (kubectl apply -n), it serves this host")
                : in;
    }
}
