package dev.meshgate.analysis.rules.destinationrule;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.HostNames;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import java.util.Set;

/**
 * A DestinationRule whose host no Service or ServiceEntry visible from its namespace serves, so its traffic policy
 * and subsets apply to nothing (IST0174). Only where the input manages the host's namespace: a host of another
 * team, of the Istio installation or outside the cluster is unverified (MG2003). Wildcard hosts apply to whatever
 * they cover and are not judged.
 */
public final class UnknownDestinationRuleHostRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "destinationrule-unknown-host",
                "Every DestinationRule host is a Service or ServiceEntry of the input (or a declared known host)",
                Set.of(Message.IST0174, Message.MG2003),
                Set.of(Kinds.DESTINATION_RULE, Kinds.SERVICE, Kinds.SERVICE_ENTRY));
    }

    @Override
    public void check(Context context) {
        String domain = context.settings().clusterDomain();
        context.onEach(Kinds.DESTINATION_RULE, rule -> {
            String host = rule.at("/spec/host").asText("");
            if (host.isEmpty() || HostNames.isWildcard(host)) {
                return;
            }
            String fqdn = HostNames.fqdn(host, rule.namespace(), domain);
            if (context.index().hostExists(fqdn, rule.namespace())) {
                return;
            }
            context.unresolved(rule, "/spec/host", Reference.host(fqdn, domain), Message.IST0174, host);
        });
    }
}
