package dev.meshgate.analysis.rules.destinationrule;

import dev.meshgate.analysis.Index;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Workload;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which PeerAuthentication decides the mTLS mode of a workload, with Istio's precedence: one selecting the workload
 * in its namespace, then the namespace-wide one, then the mesh-wide one in the root namespace.
 */
final class PeerAuthentications {

    /** The deciding policy and its mode (STRICT, PERMISSIVE, DISABLE). */
    record Decision(Resource policy, String mode) {}

    private final Map<String, List<Resource>> byNamespace = new HashMap<>();
    private final String rootNamespace;

    PeerAuthentications(Index index) {
        this.rootNamespace = index.settings().rootNamespace();
        for (Resource policy : index.ofKind(Kinds.PEER_AUTHENTICATION)) {
            byNamespace
                    .computeIfAbsent(policy.namespace(), k -> new ArrayList<>())
                    .add(policy);
        }
    }

    /** The policy deciding for a workload. */
    Optional<Decision> forWorkload(Workload workload) {
        for (Resource policy : byNamespace.getOrDefault(workload.namespace(), List.of())) {
            Map<String, String> selector = selector(policy);
            if (!selector.isEmpty() && workload.matches(selector) && decides(policy)) {
                return Optional.of(decision(policy));
            }
        }
        return forNamespace(workload.namespace());
    }

    /** The namespace-wide policy of a namespace, else the mesh-wide one. */
    Optional<Decision> forNamespace(String namespace) {
        Optional<Decision> local = namespaceWide(namespace);
        return local.isPresent() ? local : namespaceWide(rootNamespace);
    }

    private Optional<Decision> namespaceWide(String namespace) {
        for (Resource policy : byNamespace.getOrDefault(namespace, List.of())) {
            if (selector(policy).isEmpty() && decides(policy)) {
                return Optional.of(decision(policy));
            }
        }
        return Optional.empty();
    }

    private static boolean decides(Resource policy) {
        String mode = policy.at("/spec/mtls/mode").asText("UNSET");
        return !mode.equals("UNSET");
    }

    private static Decision decision(Resource policy) {
        return new Decision(policy, policy.at("/spec/mtls/mode").asText());
    }

    private static Map<String, String> selector(Resource policy) {
        return Resource.stringMap(policy.at("/spec/selector/matchLabels"));
    }
}
