package dev.meshgate.analysis.rules.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import java.util.Set;

/**
 * An Istio injector webhook that calls a Service the input does not have (IST0139): the API server cannot reach the
 * injector, and pods are created without sidecars or not at all, by the webhook's failure policy. A Service in a
 * namespace the input does not manage (istiod installed apart) is unverified.
 */
public final class WebhookServiceRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "webhook-service",
                "Istio's injector webhooks call a Service that exists",
                Set.of(Message.IST0139, Message.MG2003),
                Set.of(Kinds.MUTATING_WEBHOOK, Kinds.SERVICE));
    }

    @Override
    public void check(Context context) {
        String domain = context.settings().clusterDomain();
        for (InjectionWebhook webhook : InjectionWebhook.ofIstio(context.index())) {
            JsonNode service = webhook.body().path("clientConfig").path("service");
            if (!service.isObject()) {
                continue; // a URL: an external control plane, judged by webhook-external-control-plane
            }
            String namespace = service.path("namespace").asText("");
            String name = service.path("name").asText("");
            if (context.index().find(Kinds.SERVICE, namespace, name).isPresent()) {
                continue;
            }
            context.unresolved(
                    webhook.configuration(),
                    webhook.pointer() + "/clientConfig/service",
                    Reference.in(namespace, Reference.Target.HOST, name + "." + namespace + ".svc." + domain),
                    Message.IST0139,
                    "Injector refers to a control plane service that does not exist: " + namespace + "/" + name + ".");
        }
    }
}
