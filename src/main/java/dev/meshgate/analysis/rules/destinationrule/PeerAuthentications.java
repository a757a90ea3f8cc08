package dev.meshgate.analysis.rules.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Index;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.ObjectKey;
import dev.meshgate.analysis.Workload;
import dev.meshgate.analysis.rules.mesh.MeshConfigSource;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mTLS mode a workload's ports end up with, composed as Istio composes PeerAuthentications: the mesh-wide policy
 * (no selector, root namespace), then the namespace-wide one, then the one selecting the workload in its namespace
 * (never in the root namespace), each level used when it sets a mode and UNSET inheriting from the level above; the
 * workload-level policy's portLevelMtls overrides single (target) ports. Where a level has several, the oldest wins;
 * the input's order stands in for age.
 */
public final class PeerAuthentications {

    private static final String STRICT = "STRICT";

    /** A mode and the policy that sets it (none: Istio's default, PERMISSIVE). */
    public record Decision(Resource policy, String mode) {

        public boolean strict() {
            return STRICT.equals(mode);
        }
    }

    /** What decides for one workload: its mode, and the ports whose mode differs by portLevelMtls. */
    public record Effective(Decision workload, Map<Integer, Decision> ports) {

        /**
         * The STRICT decision for traffic to a target port; for an unknown port (null) only when every port is
         * STRICT.
         */
        Optional<Decision> strictAt(Integer targetPort) {
            if (targetPort != null) {
                Decision decision = ports.getOrDefault(targetPort, workload);
                return decision.strict() ? Optional.of(decision) : Optional.empty();
            }
            if (!workload.strict()) {
                return Optional.empty();
            }
            for (Decision port : ports.values()) {
                if (!port.strict()) {
                    return Optional.empty();
                }
            }
            return Optional.of(workload);
        }
    }

    private final Map<String, List<Resource>> selecting = new HashMap<>();
    private final Map<String, Resource> namespaceWide = new HashMap<>();
    private final String rootNamespace;

    /** Groups the input's PeerAuthentications by level and namespace, once. */
    public PeerAuthentications(Index index) {
        this.rootNamespace = MeshConfigSource.rootNamespace(index);
        for (Resource policy : ObjectKey.distinct(index.ofKind(Kinds.PEER_AUTHENTICATION))) {
            if (selector(policy).isEmpty()) {
                namespaceWide.putIfAbsent(policy.namespace(), policy);
            } else if (!policy.namespace().equals(rootNamespace)) {
                selecting
                        .computeIfAbsent(policy.namespace(), k -> new ArrayList<>())
                        .add(policy);
            }
        }
    }

    /** What decides for a workload of the input. */
    Effective forWorkload(Workload workload) {
        for (Resource policy : selecting.getOrDefault(workload.namespace(), List.of())) {
            if (workload.matches(selector(policy))) {
                return compose(workload.namespace(), policy);
            }
        }
        return compose(workload.namespace(), null);
    }

    /**
     * What may decide for pods that are not in the input, known only by some of their labels (a Service's selector,
     * a subset's labels; none when even the Service is unknown): one outcome per policy that certainly or possibly
     * selects them. The mode is certain only where every outcome agrees.
     */
    public List<Effective> forPods(String namespace, Map<String, String> knownLabels) {
        List<Effective> outcomes = new ArrayList<>();
        for (Resource policy : selecting.getOrDefault(namespace, List.of())) {
            Map<String, String> selector = selector(policy);
            if (subsetOf(selector, knownLabels)) {
                // Selects every such pod; an older policy that possibly selects them was added before.
                outcomes.add(compose(namespace, policy));
                return outcomes;
            }
            if (compatible(selector, knownLabels)) {
                outcomes.add(compose(namespace, policy));
            }
        }
        outcomes.add(compose(namespace, null));
        return outcomes;
    }

    private Effective compose(String namespace, Resource workloadPolicy) {
        Decision decision = new Decision(null, "PERMISSIVE");
        decision = inherit(decision, namespaceWide.get(rootNamespace), mode(namespaceWide.get(rootNamespace)));
        if (!namespace.equals(rootNamespace)) {
            decision = inherit(decision, namespaceWide.get(namespace), mode(namespaceWide.get(namespace)));
        }
        decision = inherit(decision, workloadPolicy, mode(workloadPolicy));
        Map<Integer, Decision> ports = new LinkedHashMap<>();
        JsonNode portLevel = workloadPolicy == null ? null : workloadPolicy.at("/spec/portLevelMtls");
        if (portLevel != null && portLevel.isObject()) {
            for (Map.Entry<String, JsonNode> port : portLevel.properties()) {
                String mode = port.getValue().path("mode").asText("UNSET");
                if (port.getKey().matches("\\d{1,5}")) {
                    ports.put(Integer.valueOf(port.getKey()), inherit(decision, workloadPolicy, mode));
                }
            }
        }
        return new Effective(decision, ports);
    }

    private static Decision inherit(Decision parent, Resource policy, String mode) {
        return policy == null || mode.isEmpty() || mode.equals("UNSET") ? parent : new Decision(policy, mode);
    }

    private static String mode(Resource policy) {
        return policy == null ? "UNSET" : policy.at("/spec/mtls/mode").asText("UNSET");
    }

    private static Map<String, String> selector(Resource policy) {
        return Resource.stringMap(policy.at("/spec/selector/matchLabels"));
    }

    private static boolean subsetOf(Map<String, String> selector, Map<String, String> labels) {
        for (Map.Entry<String, String> label : selector.entrySet()) {
            if (!label.getValue().equals(labels.get(label.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a pod with the known labels could carry the selector's labels too. */
    private static boolean compatible(Map<String, String> selector, Map<String, String> labels) {
        for (Map.Entry<String, String> label : selector.entrySet()) {
            String known = labels.get(label.getKey());
            if (known != null && !known.equals(label.getValue())) {
                return false;
            }
        }
        return true;
    }
}
