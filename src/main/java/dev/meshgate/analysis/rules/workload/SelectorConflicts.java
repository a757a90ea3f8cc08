package dev.meshgate.analysis.rules.workload;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Index;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.ObjectKey;
import dev.meshgate.analysis.Workload;
import dev.meshgate.manifest.Resource;
import dev.meshgate.manifest.ResourceKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * Resources of one kind that compete for the same proxies, where Istio applies only one: several without a selector
 * in one namespace ({@code unselected}, with the names and the namespace), or several whose selectors match the same
 * workload ({@code sameWorkload}, with the names, the namespace and the workload). Sidecars and Telemetries share it.
 *
 * @param kind the kind compared
 * @param selector where its selector labels are
 * @param unselected the code for several without a selector in a namespace
 * @param sameWorkload the code for several selecting one workload
 * @param competes which resources compete at all (policies attached by targetRefs do not, nor Sidecars that no
 *     proxy reads)
 */
public record SelectorConflicts(
        ResourceKind kind,
        String selector,
        Message unselected,
        Message sameWorkload,
        BiPredicate<Index, Resource> competes) {

    /** Conflicts among all the resources of the kind. */
    public SelectorConflicts(ResourceKind kind, String selector, Message unselected, Message sameWorkload) {
        this(kind, selector, unselected, sameWorkload, (index, resource) -> true);
    }

    /** A workload, the same however many times its source is written. */
    private record WorkloadKey(ObjectKey source, String namespace, Map<String, String> labels) {

        static WorkloadKey of(Workload workload) {
            return new WorkloadKey(ObjectKey.of(workload.source()), workload.namespace(), workload.labels());
        }
    }

    /** Reports the conflicts among the input's resources of the kind. */
    public void report(Context context) {
        Map<String, List<Resource>> unselectedByNamespace = new LinkedHashMap<>();
        Map<WorkloadKey, List<Resource>> byWorkload = new LinkedHashMap<>();
        Map<WorkloadKey, Workload> workloads = new HashMap<>();
        // One resource written twice is one resource: only distinct objects compete (the copy is MG0006).
        for (Resource resource : ObjectKey.distinct(context.index().ofKind(kind))) {
            if (!competes.test(context.index(), resource)) {
                continue;
            }
            Map<String, String> labels = Resource.stringMap(resource.at(selector));
            if (labels.isEmpty()) {
                unselectedByNamespace
                        .computeIfAbsent(resource.namespace(), k -> new ArrayList<>())
                        .add(resource);
                continue;
            }
            for (Workload workload : context.index().workloads(resource.namespace(), labels)) {
                // A workload defined twice is one workload too.
                WorkloadKey key = WorkloadKey.of(workload);
                workloads.putIfAbsent(key, workload);
                List<Resource> competing = byWorkload.computeIfAbsent(key, k -> new ArrayList<>());
                if (!competing.contains(resource)) {
                    competing.add(resource);
                }
            }
        }
        unselectedByNamespace.forEach((namespace, resources) -> {
            if (resources.size() > 1) {
                resources.forEach(r -> context.report(unselected, r, "/spec", names(resources), namespace));
            }
        });
        Set<Resource> reported = Collections.newSetFromMap(new IdentityHashMap<>());
        byWorkload.forEach((key, resources) -> {
            Workload workload = workloads.get(key);
            if (resources.size() > 1) {
                for (Resource resource : resources) {
                    if (reported.add(resource)) {
                        context.report(
                                sameWorkload,
                                resource,
                                selector,
                                names(resources),
                                workload.namespace(),
                                workload.source().name());
                    }
                }
            }
        });
    }

    private static String names(List<Resource> resources) {
        return resources.stream().map(Resource::name).collect(Collectors.joining(", ", "[", "]"));
    }
}
