package dev.meshgate.analysis.rules.gateway;

import dev.meshgate.analysis.Index;
import dev.meshgate.analysis.Workload;
import dev.meshgate.manifest.Resource;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a Gateway's proxies run: the namespaces of the workloads of the input its selector matches. Istio reads the
 * Gateway's credentialName Secrets there, not in the Gateway resource's own namespace. Empty when the gateway
 * workload is not in the input (typically installed with Istio itself).
 */
final class GatewayWorkloadNamespaces {

    private GatewayWorkloadNamespaces() {}

    static Set<String> of(Resource gateway, Index index) {
        Map<String, String> selector = Resource.stringMap(gateway.at("/spec/selector"));
        Set<String> namespaces = new LinkedHashSet<>();
        // Istio applies a Gateway selector to gateway pods in every namespace unless scoped to its own.
        for (Workload workload : index.workloads(null, selector)) {
            namespaces.add(workload.namespace());
        }
        return namespaces;
    }
}
