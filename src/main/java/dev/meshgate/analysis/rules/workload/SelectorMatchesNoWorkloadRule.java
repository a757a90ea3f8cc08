package dev.meshgate.analysis.rules.workload;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.Resource;
import dev.meshgate.manifest.ResourceKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A workload selector (Gateway, Sidecar, AuthorizationPolicy, PeerAuthentication, RequestAuthentication, Telemetry,
 * WasmPlugin, EnvoyFilter) that matches no workload, so the resource has no effect (IST0127). A repository has no
 * pods, so pod templates stand in; and a selector is only judged where the input declares workloads at all (its
 * namespace, or anywhere for Gateways and root-namespace policies), so repositories that keep workloads elsewhere
 * get no false alarm.
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
                Set.of(Message.IST0127),
                Kinds.union(Kinds.WORKLOADS, SELECTORS.keySet()));
    }

    @Override
    public void check(Context context) {
        SELECTORS.forEach((kind, pointer) -> context.onEach(kind, resource -> {
            Map<String, String> selector = Resource.stringMap(resource.at(pointer));
            if (selector.isEmpty()) {
                return;
            }
            // Gateways select gateway pods in any namespace; root-namespace policies apply mesh-wide.
            boolean everywhere = kind.equals(Kinds.GATEWAY)
                    || resource.namespace().equals(context.settings().rootNamespace());
            String namespace = everywhere ? null : resource.namespace();
            if (context.index().workloads(namespace, Map.of()).isEmpty()) {
                return;
            }
            if (context.index().workloads(namespace, selector).isEmpty()) {
                context.report(
                        Message.IST0127,
                        resource,
                        pointer,
                        new TreeMap<>(selector)
                                .entrySet().stream()
                                        .map(e -> e.getKey() + "=" + e.getValue())
                                        .collect(Collectors.joining(",")));
            }
        }));
    }
}
