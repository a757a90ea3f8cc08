package dev.meshgate.analysis.rules.destinationrule;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.HostNames;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.Workload;
import dev.meshgate.analysis.rules.networking.TrafficPolicies;
import dev.meshgate.manifest.Resource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A DestinationRule tells clients to reach a service without Istio mutual TLS (DISABLE, SIMPLE or MUTUAL) while the
 * PeerAuthentication deciding for the service's workloads is STRICT: every request is refused (IST0113).
 */
public final class MtlsConflictRule implements Rule {

    private static final Set<String> NOT_ISTIO_MTLS = Set.of("DISABLE", "SIMPLE", "MUTUAL");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "destinationrule-mtls-conflict",
                "DestinationRules use Istio mutual TLS towards workloads that require it",
                Set.of(Message.IST0113),
                Kinds.union(Kinds.WORKLOADS, Set.of(Kinds.DESTINATION_RULE, Kinds.PEER_AUTHENTICATION, Kinds.SERVICE)));
    }

    @Override
    public void check(Context context) {
        if (context.index().ofKind(Kinds.PEER_AUTHENTICATION).isEmpty()) {
            return;
        }
        PeerAuthentications policies = new PeerAuthentications(context.index());
        String domain = context.settings().clusterDomain();
        context.onEach(Kinds.DESTINATION_RULE, dr -> {
            String fqdn = HostNames.fqdn(dr.at("/spec/host").asText(""), dr.namespace(), domain);
            if (!HostNames.isClusterService(fqdn, domain)) {
                return;
            }
            Optional<ServiceBehindHost> service = ServiceBehindHost.of(context.index(), fqdn);
            TrafficPolicies.each(
                    dr,
                    (policy, pointer) ->
                            checkTls(context, policies, dr, fqdn, service, pointer, subsetLabels(dr, pointer)));
        });
    }

    /** The labels of the subset a traffic policy belongs to; none for the DestinationRule's own policy. */
    private static Map<String, String> subsetLabels(Resource dr, String policyPointer) {
        if (!policyPointer.startsWith("/spec/subsets/")) {
            return Map.of();
        }
        String subset = policyPointer.substring(0, policyPointer.indexOf("/trafficPolicy"));
        return Resource.stringMap(dr.at(subset + "/labels"));
    }

    private static void checkTls(
            Context context,
            PeerAuthentications policies,
            Resource dr,
            String fqdn,
            Optional<ServiceBehindHost> service,
            String policyPointer,
            Map<String, String> subsetLabels) {
        String modePointer = policyPointer + "/tls/mode";
        String mode = dr.at(modePointer).asText("");
        if (!NOT_ISTIO_MTLS.contains(mode)) {
            return;
        }
        strictPolicy(context, policies, fqdn, service, subsetLabels)
                .ifPresent(strict -> context.report(
                        Message.IST0113,
                        dr,
                        modePointer,
                        fqdn,
                        dr.name(),
                        "false (tls mode " + mode + ")",
                        strict.namespace() + "/" + strict.name(),
                        "STRICT"));
    }

    private static Optional<Resource> strictPolicy(
            Context context,
            PeerAuthentications policies,
            String fqdn,
            Optional<ServiceBehindHost> service,
            Map<String, String> subsetLabels) {
        List<Workload> workloads =
                service.map(s -> s.workloads(context.index(), subsetLabels)).orElse(List.of());
        if (workloads.isEmpty()) {
            String namespace = fqdn.split("\\.")[1];
            return policies.forNamespace(namespace)
                    .filter(d -> d.mode().equals("STRICT"))
                    .map(PeerAuthentications.Decision::policy);
        }
        for (Workload workload : workloads) {
            Optional<PeerAuthentications.Decision> decision = policies.forWorkload(workload);
            if (decision.isPresent() && decision.get().mode().equals("STRICT")) {
                return Optional.of(decision.get().policy());
            }
        }
        return Optional.empty();
    }
}
