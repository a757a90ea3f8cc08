package dev.meshgate.analysis.rules.workload;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import dev.meshgate.manifest.ResourceKind;
import java.util.Map;
import java.util.Set;

/**
 * Workload selector labels Istio rejects: an empty key, or a wildcard in a key or a value (selectors match labels
 * exactly), in the policies' selector.matchLabels, a DestinationRule's workloadSelector.matchLabels and the other
 * networking kinds' workloadSelector.labels.
 */
public final class WorkloadSelectorSyntaxRule implements Rule {

    private static final String MATCH_LABELS = "/spec/selector/matchLabels";
    private static final String LABELS = "/spec/workloadSelector/labels";

    /** Where each kind writes its selector's labels. */
    private static final Map<ResourceKind, String> SELECTOR_LABELS = Map.of(
            Kinds.AUTHORIZATION_POLICY, MATCH_LABELS,
            Kinds.PEER_AUTHENTICATION, MATCH_LABELS,
            Kinds.REQUEST_AUTHENTICATION, MATCH_LABELS,
            Kinds.TELEMETRY_KIND, MATCH_LABELS,
            Kinds.WASM_PLUGIN, MATCH_LABELS,
            Kinds.PROXY_CONFIG, MATCH_LABELS,
            Kinds.DESTINATION_RULE, "/spec/workloadSelector/matchLabels",
            Kinds.SERVICE_ENTRY, LABELS,
            Kinds.SIDECAR, LABELS,
            Kinds.ENVOY_FILTER, LABELS);

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "workload-selector-syntax",
                "Workload selector labels have keys and no wildcards",
                Set.of(Message.MG1120),
                SELECTOR_LABELS.keySet());
    }

    @Override
    public void check(Context context) {
        SELECTOR_LABELS.forEach((kind, pointer) -> context.onEach(kind, resource -> check(context, resource, pointer)));
    }

    private static void check(Context context, Resource resource, String pointer) {
        Elements.entries(resource.at(pointer), pointer, (key, value, at) -> {
            String text = value.asText("");
            if (key.isEmpty()) {
                context.report(Message.MG1120, resource, at, key + "=" + text, "the key is empty");
            } else if (key.indexOf('*') >= 0 || text.indexOf('*') >= 0) {
                context.report(
                        Message.MG1120, resource, at, key + "=" + text, "wildcards are not supported in selectors");
            }
        });
    }
}
