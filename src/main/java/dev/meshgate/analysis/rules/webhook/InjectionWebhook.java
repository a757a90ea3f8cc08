package dev.meshgate.analysis.rules.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Index;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.rules.values.LabelSelector;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One webhook of a MutatingWebhookConfiguration of Istio's sidecar injector, as the API server applies it: the pods it
 * sees are those whose namespace labels and own labels its two selectors pick (a missing selector picks all).
 *
 * @param configuration the MutatingWebhookConfiguration
 * @param pointer where the webhook is written in it
 * @param name the webhook's name
 */
public record InjectionWebhook(Resource configuration, String pointer, String name) {

    private static final String REVISION = "istio.io/rev";

    /** The configuration name and the webhook's, as istioctl names a webhook in its findings. */
    public String qualifiedName() {
        return configuration.name() + "/" + name;
    }

    /** The webhook as written. */
    public JsonNode body() {
        return configuration.at(pointer);
    }

    /** Whether the webhook sees a pod with these labels in a namespace with those. */
    public boolean selects(Map<String, String> namespaceLabels, Map<String, String> podLabels) {
        return LabelSelector.matches(body().path("namespaceSelector"), namespaceLabels)
                && LabelSelector.matches(body().path("objectSelector"), podLabels);
    }

    /** Whether the webhook's name is in Istio's domain (sidecar-injector.istio.io and its variants). */
    public boolean istioNamed() {
        return name.endsWith("istio.io");
    }

    /**
     * Every webhook of the input's Istio injector configurations: those with a webhook in Istio's domain, or that
     * select by revision (istio.io/rev), as istioctl recognises them.
     */
    public static List<InjectionWebhook> ofIstio(Index index) {
        List<InjectionWebhook> webhooks = new ArrayList<>();
        for (Resource configuration : index.ofKind(Kinds.MUTATING_WEBHOOK)) {
            List<InjectionWebhook> own = of(configuration);
            if (!revisions(configuration).isEmpty() || own.stream().anyMatch(InjectionWebhook::istioNamed)) {
                webhooks.addAll(own);
            }
        }
        return webhooks;
    }

    /** The webhooks of one configuration. */
    public static List<InjectionWebhook> of(Resource configuration) {
        List<InjectionWebhook> webhooks = new ArrayList<>();
        JsonNode written = configuration.at("/webhooks");
        for (int i = 0; written.isArray() && i < written.size(); i++) {
            webhooks.add(new InjectionWebhook(
                    configuration, "/webhooks/" + i, written.get(i).path("name").asText("")));
        }
        return webhooks;
    }

    /** The control-plane revisions a configuration injects for: its istio.io/rev label and its selectors'. */
    public static Set<String> revisions(Resource configuration) {
        Set<String> revisions = new LinkedHashSet<>();
        String label = configuration.labels().get(REVISION);
        if (label != null) {
            revisions.add(label);
        }
        for (JsonNode webhook : configuration.at("/webhooks")) {
            for (String selector : List.of("namespaceSelector", "objectSelector")) {
                JsonNode written = webhook.path(selector);
                if (written.path("matchLabels").has(REVISION)) {
                    revisions.add(written.path("matchLabels").path(REVISION).asText());
                }
                for (JsonNode expression : written.path("matchExpressions")) {
                    if (expression.path("key").asText("").equals(REVISION)) {
                        expression.path("values").forEach(value -> revisions.add(value.asText()));
                    }
                }
            }
        }
        return revisions;
    }
}
