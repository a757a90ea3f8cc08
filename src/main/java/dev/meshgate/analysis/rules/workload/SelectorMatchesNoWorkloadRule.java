package dev.meshgate.analysis.rules.workload;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.Severity;
import dev.meshgate.manifest.Resource;
import dev.meshgate.manifest.ResourceKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A workload selector (Gateway, Sidecar, AuthorizationPolicy, PeerAuthentication, RequestAuthentication, Telemetry,
 * WasmPlugin, EnvoyFilter) that matches no workload, so the resource has no effect: IST0101 ("Referenced selector
 * not found", as istioctl reports them, but a warning: the pod templates of a repository, rendered one application at
 * a time, are not all of the cluster's pods) for Gateways, Sidecars and Telemetries, IST0127 (a warning) for the others. A repository has no
 * pods, so pod templates stand in; and a selector is judged only where the input knows the workloads: its namespace
 * when the input declares workloads there, and for Gateways and root-namespace policies (which select in every
 * namespace) only when the input declares gateway workloads, since they usually select the gateways installed with
 * Istio. Elsewhere the selection is unverified (MG2003), never "no effect". A namespace-wide AuthorizationPolicy in a
 * namespace without workloads is IST0127 where the input vouches for that namespace's workloads.
 */
public final class SelectorMatchesNoWorkloadRule implements Rule {

    /** Where each kind keeps its selector labels. */
    private static final Map<ResourceKind, String> SELECTORS = new LinkedHashMap<>();

    static {
        SELECTORS.put(Kinds.GATEWAY, "/spec/selector");
        SELECTORS.put(Kinds.SIDECAR, "/spec/workloadSelector/labels");
        SELECTORS.put(Kinds.ENVOY_FILTER, "/spec/workloadSelector/labels");
        SELECTORS.put(Kinds.AUTHORIZATION_POLICY, "/spec/selector/matchLabels");
        SELECTORS.put(Kinds.PEER_AUTHENTICATION, "/spec/selector/matchLabels");
        SELECTORS.put(Kinds.REQUEST_AUTHENTICATION, "/spec/selector/matchLabels");
        SELECTORS.put(Kinds.TELEMETRY_KIND, "/spec/selector/matchLabels");
        SELECTORS.put(Kinds.WASM_PLUGIN, "/spec/selector/matchLabels");
    }

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "selector-matches-no-workload",
                "Every workload selector matches some workload",
                Set.of(Message.IST0101, Message.IST0127, Message.MG2003),
                Kinds.withWorkloads(SELECTORS.keySet().toArray(new ResourceKind[0])));
    }

    @Override
    public void check(Context context) {
        SELECTORS.forEach((kind, pointer) -> context.onEach(kind, resource -> {
            Map<String, String> selector = Resource.stringMap(resource.at(pointer));
            if (selector.isEmpty()) {
                if (kind.equals(Kinds.AUTHORIZATION_POLICY)) {
                    namespaceWide(context, resource);
                }
                return;
            }
            // Gateways select gateway pods in any namespace; root-namespace policies apply mesh-wide.
            boolean gateway = kind.equals(Kinds.GATEWAY);
            boolean everywhere =
                    gateway || resource.namespace().equals(context.settings().rootNamespace());
            String namespace = everywhere ? null : resource.namespace();
            if (!context.index().workloads(namespace, selector).isEmpty()) {
                return;
            }
            String labels = new TreeMap<>(selector)
                    .entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(","));
            Reference reference = everywhere
                    ? Reference.wherever(
                            Reference.Target.WORKLOADS,
                            labels,
                            (gateway
                                            ? "a Gateway selects gateway workloads in any namespace"
                                            : "a policy of the root namespace selects workloads in every namespace")
                                    + ", and the input declares no gateway workload (the gateways installed with"
                                    + " Istio are not in it)")
                    : Reference.in(namespace, Reference.Target.WORKLOADS, labels);
            if (kind.equals(Kinds.GATEWAY) || kind.equals(Kinds.SIDECAR) || kind.equals(Kinds.TELEMETRY_KIND)) {
                // istioctl's code, but a warning: a repository's pod templates are not the cluster's pods.
                context.unresolvedAt(
                        Severity.WARNING, resource, pointer, reference, Message.IST0101, "selector", labels);
            } else {
                context.unresolved(resource, pointer, reference, Message.IST0127, labels);
            }
        }));
    }

    /**
     * A selector-less AuthorizationPolicy outside the root namespace applies to every workload of its namespace; with
     * none there it has no effect (IST0127, as istioctl has it). Said only where the input vouches for the workloads
     * of that namespace being none (the whole mesh, a cluster view): a policy repository usually holds the policies
     * of namespaces whose applications come from elsewhere, and a namespace-wide policy names nothing to look up.
     */
    private static void namespaceWide(Context context, Resource policy) {
        String namespace = policy.namespace();
        if (namespace.equals(context.settings().rootNamespace())
                || !policy.at("/spec/targetRef").isMissingNode()
                || !policy.at("/spec/targetRefs").isMissingNode()) {
            return;
        }
        String scope = "none (every workload of namespace " + namespace + ")";
        if (context.index().workloads(namespace, Map.of()).isEmpty()
                && context.index().verifiable(Reference.in(namespace, Reference.Target.WORKLOADS, scope))) {
            context.report(Message.IST0127, policy, "/spec", scope);
        }
    }
}
