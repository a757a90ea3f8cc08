package dev.meshgate.analysis.rules.sidecar;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.Workload;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sidecars that compete for the same proxies: several without a workload selector in one namespace (IST0111), or
 * several whose selectors match the same workload (IST0110). Istio applies only one of them.
 */
public final class SidecarSelectorConflictRule implements Rule {

    private static final String SELECTOR = "/spec/workloadSelector/labels";

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "sidecar-selector-conflict",
                "One Sidecar applies to each workload",
                Set.of(Message.IST0110, Message.IST0111),
                Kinds.union(Kinds.WORKLOADS, Set.of(Kinds.SIDECAR)));
    }

    @Override
    public void check(Context context) {
        Map<String, List<Resource>> unselectedByNamespace = new LinkedHashMap<>();
        Map<Workload, List<Resource>> byWorkload = new IdentityHashMap<>();
        context.forEach(Kinds.SIDECAR, sidecar -> {
            Map<String, String> selector = Resource.stringMap(sidecar.at(SELECTOR));
            if (selector.isEmpty()) {
                unselectedByNamespace
                        .computeIfAbsent(sidecar.namespace(), k -> new ArrayList<>())
                        .add(sidecar);
                return;
            }
            for (Workload workload : context.index().workloads(sidecar.namespace(), selector)) {
                byWorkload.computeIfAbsent(workload, k -> new ArrayList<>()).add(sidecar);
            }
        });
        unselectedByNamespace.forEach((namespace, sidecars) -> {
            if (sidecars.size() > 1) {
                sidecars.forEach(s -> context.report(Message.IST0111, s, "/spec", names(sidecars), namespace));
            }
        });
        Set<Resource> reported = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        byWorkload.forEach((workload, sidecars) -> {
            if (sidecars.size() > 1) {
                for (Resource sidecar : sidecars) {
                    if (reported.add(sidecar)) {
                        context.report(
                                Message.IST0110,
                                sidecar,
                                SELECTOR,
                                names(sidecars),
                                workload.namespace(),
                                workload.source().name());
                    }
                }
            }
        });
    }

    private static String names(List<Resource> sidecars) {
        return sidecars.stream().map(Resource::name).collect(Collectors.joining(", ", "[", "]"));
    }
}
