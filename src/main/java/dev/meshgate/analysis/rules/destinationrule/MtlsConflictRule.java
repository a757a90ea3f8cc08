package dev.meshgate.analysis.rules.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.HostNames;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.Workload;
import dev.meshgate.analysis.rules.networking.TrafficPolicies;
import dev.meshgate.analysis.rules.security.WideMtls;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A DestinationRule tells clients to reach a service without Istio mutual TLS (DISABLE, SIMPLE or MUTUAL) while the
 * mTLS mode in effect for the service's workloads, on the ports the traffic policy governs, is STRICT: every request
 * is refused (IST0113). The mode is composed per workload (PeerAuthentications); where the workloads are not in the
 * input, only a mode that every possibly selecting PeerAuthentication agrees on counts. A DestinationRule that
 * disables TLS for every service of its own namespace is left to {@code DisabledWideMtlsRule} (MG2020, MG2021).
 */
public final class MtlsConflictRule implements Rule {

    private static final Set<String> NOT_ISTIO_MTLS = Set.of("DISABLE", "SIMPLE", "MUTUAL");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "destinationrule-mtls-conflict",
                "DestinationRules use Istio mutual TLS towards workloads that require it",
                Set.of(Message.IST0113),
                Kinds.withWorkloads(
                        Kinds.DESTINATION_RULE,
                        Kinds.PEER_AUTHENTICATION,
                        Kinds.SERVICE,
                        Kinds.ISTIO_OPERATOR,
                        Kinds.CONFIG_MAP));
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
            TrafficPolicies.each(dr, (policy, pointer) -> {
                String modePointer = pointer + "/tls/mode";
                String mode = dr.at(modePointer).asText("");
                // Plain text for every service of the DestinationRule's own namespace is DisabledWideMtlsRule's.
                boolean namespaceWide = modePointer.equals(WideMtls.DESTINATION_RULE_MODE)
                        && mode.equals("DISABLE")
                        && fqdn.equals(WideMtls.namespaceHost(dr.namespace(), domain));
                if (NOT_ISTIO_MTLS.contains(mode) && !namespaceWide) {
                    strictPolicy(context, policies, fqdn, service, policy, pointer, subsetLabels(dr, pointer))
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
            });
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

    /** The PeerAuthentication that makes a governed port of the workloads behind the host STRICT, if one does. */
    private static Optional<Resource> strictPolicy(
            Context context,
            PeerAuthentications policies,
            String fqdn,
            Optional<ServiceBehindHost> service,
            JsonNode policy,
            String policyPointer,
            Map<String, String> subsetLabels) {
        List<Integer> ports = governedPorts(service, policy, policyPointer);
        List<Workload> workloads =
                service.map(s -> s.workloads(context.index(), subsetLabels)).orElse(List.of());
        for (Workload workload : workloads) {
            PeerAuthentications.Effective effective = policies.forWorkload(workload);
            for (Integer port : ports) {
                Optional<PeerAuthentications.Decision> strict = effective.strictAt(targetPort(service, port, workload));
                if (strict.isPresent()) {
                    return Optional.of(strict.get().policy());
                }
            }
        }
        if (!workloads.isEmpty()) {
            return Optional.empty();
        }
        // The pods are not in the input: only what every PeerAuthentication that may select them agrees on.
        Map<String, String> known =
                new HashMap<>(service.map(ServiceBehindHost::selector).orElse(Map.of()));
        known.putAll(subsetLabels);
        List<PeerAuthentications.Effective> outcomes = policies.forPods(fqdn.split("\\.")[1], known);
        for (Integer port : ports) {
            Integer target = targetPort(service, port, null);
            Optional<PeerAuthentications.Decision> first = outcomes.get(0).strictAt(target);
            if (first.isPresent()
                    && outcomes.stream().allMatch(o -> o.strictAt(target).isPresent())) {
                return Optional.of(first.get().policy());
            }
        }
        return Optional.empty();
    }

    /**
     * The Service ports a traffic policy governs: its own port for port-level settings; otherwise every port of the
     * Service except those its port-level settings replace. Null stands for a port the input cannot name.
     */
    private static List<Integer> governedPorts(
            Optional<ServiceBehindHost> service, JsonNode policy, String policyPointer) {
        List<Integer> ports = new ArrayList<>();
        if (policyPointer.contains("/portLevelSettings/")) {
            JsonNode number = policy.path("port").path("number");
            ports.add(number.canConvertToInt() ? number.asInt() : null);
            return ports;
        }
        if (service.isEmpty()) {
            ports.add(null);
            return ports;
        }
        Set<Integer> replaced = new HashSet<>();
        for (JsonNode setting : policy.path("portLevelSettings")) {
            replaced.add(setting.path("port").path("number").asInt(-1));
        }
        for (JsonNode port : service.get().service().at("/spec/ports")) {
            int number = port.path("port").asInt(-1);
            if (number > 0 && !replaced.contains(number)) {
                ports.add(number);
            }
        }
        return ports;
    }

    /**
     * The workload port that traffic to a Service port reaches (what portLevelMtls is keyed by): the Service port's
     * targetPort, a named one looked up in the workload's containers; null when it cannot be told.
     */
    private static Integer targetPort(Optional<ServiceBehindHost> service, Integer port, Workload workload) {
        if (port == null || service.isEmpty()) {
            return null;
        }
        for (JsonNode entry : service.get().service().at("/spec/ports")) {
            if (entry.path("port").asInt(-1) != port) {
                continue;
            }
            JsonNode target = entry.path("targetPort");
            if (target.isMissingNode() || target.isNull()) {
                return port;
            }
            if (target.canConvertToInt()) {
                return target.asInt();
            }
            return workload == null ? null : containerPort(workload, target.asText(""));
        }
        return null;
    }

    private static Integer containerPort(Workload workload, String name) {
        for (JsonNode container : workload.podSpec().path("containers")) {
            for (JsonNode port : container.path("ports")) {
                if (name.equals(port.path("name").asText())) {
                    return port.path("containerPort").asInt();
                }
            }
        }
        return null;
    }
}
