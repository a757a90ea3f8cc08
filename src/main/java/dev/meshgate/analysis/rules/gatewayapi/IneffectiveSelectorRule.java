package dev.meshgate.analysis.rules.gatewayapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.Workload;
import dev.meshgate.manifest.Resource;
import dev.meshgate.manifest.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A policy whose workload selector picks the pods of a Kubernetes Gateway, which Istio does not apply selectors to
 * (IST0166, as istioctl reports it): the pods are those the input declares with the gateway-name label, and those
 * Istio deploys for the input's Kubernetes Gateways of its classes. A policy with a targetRef is not judged.
 */
public final class IneffectiveSelectorRule implements Rule {

    private static final List<ResourceKind> POLICIES =
            List.of(Kinds.AUTHORIZATION_POLICY, Kinds.REQUEST_AUTHENTICATION, Kinds.TELEMETRY_KIND, Kinds.WASM_PLUGIN);

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "gatewayapi-ineffective-selector",
                "No policy selects the pods of a Kubernetes Gateway by labels",
                Set.of(Message.IST0166),
                Kinds.withWorkloads(
                        Kinds.AUTHORIZATION_POLICY,
                        Kinds.REQUEST_AUTHENTICATION,
                        Kinds.TELEMETRY_KIND,
                        Kinds.WASM_PLUGIN,
                        Kinds.KUBERNETES_GATEWAY,
                        Kinds.GATEWAY_CLASS));
    }

    @Override
    public void check(Context context) {
        List<Resource> classes = context.index().ofKind(Kinds.GATEWAY_CLASS);
        Map<String, List<Resource>> gateways = new HashMap<>();
        context.forEach(Kinds.KUBERNETES_GATEWAY, gateway -> {
            if (GatewayPods.deployedByIstio(gateway, classes)) {
                gateways.computeIfAbsent(gateway.namespace(), key -> new ArrayList<>())
                        .add(gateway);
            }
        });
        for (ResourceKind kind : POLICIES) {
            context.onEach(kind, policy -> check(context, gateways, policy));
        }
    }

    private static void check(Context context, Map<String, List<Resource>> gateways, Resource policy) {
        JsonNode selector = policy.at("/spec/selector");
        if (!selector.isObject()
                || policy.at("/spec/targetRef").isObject()
                || policy.at("/spec/targetRefs").isArray()) {
            return;
        }
        Map<String, String> matchLabels = Resource.stringMap(selector.path("matchLabels"));
        Set<String> selected = new LinkedHashSet<>();
        for (Workload workload : context.index().workloads(policy.namespace(), matchLabels)) {
            String name = workload.labels().get(GatewayPods.GATEWAY_NAME);
            if (name != null) {
                selected.add(name);
            }
        }
        for (Resource gateway : gateways.getOrDefault(policy.namespace(), List.of())) {
            Map<String, String> labels = GatewayPods.labels(gateway);
            if (matchLabels.entrySet().stream()
                    .allMatch(label -> label.getValue().equals(labels.get(label.getKey())))) {
                selected.add(gateway.name());
            }
        }
        for (String gateway : selected) {
            context.report(Message.IST0166, policy, "/spec/selector", gateway);
        }
    }
}
