package dev.meshgate.analysis.rules.webhook;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Istio injector webhooks of the input that see the same pod (IST0139): the API server calls both, and the pod gets
 * its sidecar injected twice. Tried, as istioctl does, on every namespace and pod a user labels for injection (none,
 * istio-injection or sidecar.istio.io/inject either way, each revision of the input's webhooks).
 */
public final class WebhookOverlapRule implements Rule {

    private static final String REVISION = "istio.io/rev";

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "webhook-overlap",
                "No pod is seen by two of Istio's injector webhooks",
                Set.of(Message.IST0139),
                Set.of(Kinds.MUTATING_WEBHOOK));
    }

    @Override
    public void check(Context context) {
        List<InjectionWebhook> webhooks = InjectionWebhook.ofIstio(context.index());
        if (webhooks.size() < 2) {
            return;
        }
        Set<String> revisions = new TreeSet<>();
        context.forEach(
                Kinds.MUTATING_WEBHOOK, configuration -> revisions.addAll(InjectionWebhook.revisions(configuration)));
        Map<InjectionWebhook, Set<String>> overlaps = new LinkedHashMap<>();
        for (Map<String, String> namespaceLabels : labelings("istio-injection", "enabled", "disabled", revisions)) {
            for (Map<String, String> podLabels : labelings("sidecar.istio.io/inject", "true", "false", revisions)) {
                List<InjectionWebhook> seeing = new ArrayList<>();
                for (InjectionWebhook webhook : webhooks) {
                    if (webhook.selects(namespaceLabels, podLabels)) {
                        seeing.add(webhook);
                    }
                }
                if (seeing.size() > 1) {
                    for (InjectionWebhook webhook : seeing) {
                        for (InjectionWebhook other : seeing) {
                            if (other != webhook) {
                                overlaps.computeIfAbsent(webhook, w -> new TreeSet<>())
                                        .add(other.qualifiedName());
                            }
                        }
                    }
                }
            }
        }
        overlaps.forEach((webhook, others) -> context.report(
                Message.IST0139,
                webhook.configuration(),
                webhook.pointer(),
                "Webhook overlaps with others: " + others + ". This may cause injection to occur twice."));
    }

    /** No label, the label either way, and each with every revision label beside it. */
    private static List<Map<String, String>> labelings(String key, String on, String off, Set<String> revisions) {
        List<Map<String, String>> base = List.of(Map.of(), Map.of(key, on), Map.of(key, off));
        List<Map<String, String>> all = new ArrayList<>(base);
        for (String revision : revisions) {
            for (Map<String, String> labels : base) {
                Map<String, String> withRevision = new HashMap<>(labels);
                withRevision.put(REVISION, revision);
                all.add(withRevision);
            }
        }
        return all;
    }
}
