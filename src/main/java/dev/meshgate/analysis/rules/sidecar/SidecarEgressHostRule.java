package dev.meshgate.analysis.rules.sidecar;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.HostNames;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import java.util.Set;

/**
 * A Sidecar egress host ("namespace/dnsName") whose name no Service or ServiceEntry visible to the Sidecar's namespace
 * serves (MG2029, Kiali's KIA1004). Wildcard names import whatever exists and are left alone; "~/" imports nothing on
 * purpose. The namespace part says where the host must be defined, so a host the input cannot vouch for there is
 * unverified.
 */
public final class SidecarEgressHostRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "sidecar-egress-hosts",
                "Sidecar egress hosts name Services or ServiceEntries that exist",
                Set.of(Message.MG2029, Message.MG2003),
                Set.of(Kinds.SIDECAR, Kinds.SERVICE, Kinds.SERVICE_ENTRY));
    }

    @Override
    public void check(Context context) {
        String domain = context.settings().clusterDomain();
        context.onEach(
                Kinds.SIDECAR,
                sidecar -> Elements.each(
                        sidecar.at("/spec/egress"),
                        "/spec/egress",
                        (listener, listenerPointer) -> Elements.each(
                                listener.path("hosts"), listenerPointer + "/hosts", (hostNode, pointer) -> {
                                    String host = hostNode.asText("");
                                    int slash = host.indexOf('/');
                                    String name = host.substring(slash + 1);
                                    if (slash < 0 || name.isEmpty() || HostNames.isWildcard(name)) {
                                        return;
                                    }
                                    String fqdn = HostNames.fqdn(name, sidecar.namespace(), domain);
                                    String from = host.substring(0, slash);
                                    if (from.equals("~")) {
                                        return;
                                    }
                                    if (!context.index().hostExists(fqdn, sidecar.namespace())) {
                                        context.unresolved(
                                                sidecar,
                                                pointer,
                                                importedFrom(from, sidecar.namespace(), fqdn, domain),
                                                Message.MG2029,
                                                host,
                                                sidecar.namespace());
                                    }
                                })));
    }

    /**
     * Where the host must be defined to be imported: "ns/host" imports what namespace ns defines, "./host" what the
     * Sidecar's own namespace does; under "*" it is imported from wherever, so only a Service name tells where to look.
     */
    private static Reference importedFrom(String from, String sidecarNamespace, String fqdn, String domain) {
        if (from.equals("*")) {
            return Reference.host(fqdn, domain);
        }
        return Reference.in(from.equals(".") ? sidecarNamespace : from, Reference.Target.HOST, fqdn);
    }
}
