package dev.meshgate.analysis.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.webhook.InjectionWebhook;
import dev.meshgate.manifest.Resource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Pod (IST0147) or Deployment (IST0146, warning) whose istio-proxy container has {@code image: auto}, which only
 * Istio's injector replaces, while none of Istio's injector webhooks selects its pods: they fail to pull an image
 * called auto. Judged where the input holds the injector webhooks and the labels of the pods' Namespace (or where the
 * webhooks select on pod labels alone); unverified where it holds the webhooks but not the Namespace; not judged
 * where it holds no webhooks, unless the input is the whole mesh.
 */
public final class ImageAutoRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "workload-image-auto",
                "Pods with image: auto are selected by Istio's injector",
                Set.of(Message.IST0146, Message.IST0147, Message.MG2003),
                Set.of(Kinds.POD, Kinds.DEPLOYMENT, Kinds.NAMESPACE, Kinds.MUTATING_WEBHOOK));
    }

    @Override
    public void check(Context context) {
        List<InjectionWebhook> webhooks = InjectionWebhook.ofIstio(context.index()).stream()
                .filter(InjectionWebhook::istioNamed)
                .toList();
        // A Pod is its own template.
        context.onEach(Kinds.POD, pod -> judge(context, webhooks, pod, "", Message.IST0147, "Pod"));
        context.onEach(
                Kinds.DEPLOYMENT,
                deployment -> judge(context, webhooks, deployment, "/spec/template", Message.IST0146, "Deployment"));
    }

    private static void judge(
            Context context,
            List<InjectionWebhook> webhooks,
            Resource workload,
            String templatePointer,
            Message message,
            String kind) {
        JsonNode template = templatePointer.isEmpty() ? workload.body() : workload.at(templatePointer);
        String specPointer = templatePointer + "/spec";
        Optional<ProxyContainer> proxy = ProxyContainer.of(template.path("spec"), specPointer)
                .filter(c -> c.image().equals("auto"));
        if (proxy.isEmpty() || !proxy.get().pointer().contains("/containers/")) {
            return;
        }
        Map<String, String> podLabels =
                Resource.stringMap(template.path("metadata").path("labels"));
        if (webhooks.stream().anyMatch(webhook -> webhook.selects(Map.of(), podLabels))) {
            return;
        }
        if (webhooks.isEmpty()) {
            // image: auto is how Istio's documentation deploys gateways apart from the installation: without the
            // injector in the input there is nothing to judge, unless the input is all there is.
            if (context.settings().wholeMesh()) {
                context.report(message, workload, proxy.get().pointer() + "/image", kind, workload.name());
            }
            return;
        }
        Optional<Resource> namespace = SidecarInjection.namespace(context.index(), workload.namespace());
        if (namespace.isPresent()) {
            if (webhooks.stream()
                    .noneMatch(webhook -> webhook.selects(namespace.get().labels(), podLabels))) {
                context.report(message, workload, proxy.get().pointer() + "/image", kind, workload.name());
            }
            return;
        }
        String missing = "the input does not hold the Namespace " + workload.namespace()
                + ", whose labels the injector webhooks select by";
        context.unresolved(
                workload,
                proxy.get().pointer() + "/image",
                Reference.wherever(Reference.Target.INJECTION_WEBHOOK, "for " + kind + " " + workload.name(), missing),
                message,
                kind,
                workload.name());
    }
}
