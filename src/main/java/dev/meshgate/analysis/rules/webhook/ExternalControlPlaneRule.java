package dev.meshgate.analysis.rules.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.IpAddress;
import dev.meshgate.manifest.Resource;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * How the webhooks of Istio's installation reach the control plane, which on a remote cluster runs elsewhere (an
 * external istiod) and is called by URL: a webhook with neither a URL nor a Service, or a URL that does not parse,
 * reaches nothing (IST0163); a URL to an IP address rather than a host name works, but breaks when the address changes
 * and cannot carry a certificate's DNS name (IST0164, info). Istio's validators are istiod-default-validator and
 * istio-validator*, its injectors istio-sidecar-injector*.
 */
public final class ExternalControlPlaneRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "webhook-external-control-plane",
                "Istio's webhooks name a control plane they can reach, by host name",
                Set.of(Message.IST0163, Message.IST0164),
                Set.of(Kinds.MUTATING_WEBHOOK, Kinds.VALIDATING_WEBHOOK));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.VALIDATING_WEBHOOK, configuration -> {
            String name = configuration.name();
            if (name.equals("istiod-default-validator") || name.startsWith("istio-validator")) {
                judge(context, configuration);
            }
        });
        context.onEach(Kinds.MUTATING_WEBHOOK, configuration -> {
            if (configuration.name().startsWith("istio-sidecar-injector")) {
                judge(context, configuration);
            }
        });
    }

    private static void judge(Context context, Resource configuration) {
        for (InjectionWebhook webhook : InjectionWebhook.of(configuration)) {
            JsonNode client = webhook.body().path("clientConfig");
            JsonNode url = client.path("url");
            String pointer = webhook.pointer() + "/clientConfig";
            if (url.isTextual()) {
                String host = host(url.asText());
                if (host == null) {
                    context.report(
                            Message.IST0163,
                            configuration,
                            pointer + "/url",
                            url.asText(),
                            webhook.name(),
                            "was provided in an invalid format");
                } else if (IpAddress.valid(host)) {
                    context.report(Message.IST0164, configuration, pointer + "/url", url.asText(), webhook.name());
                }
            } else if (!client.path("service").isObject()) {
                context.report(Message.IST0163, configuration, pointer, "", webhook.name(), "is blank");
            }
        }
    }

    /** The URL's host (brackets of an IPv6 literal removed), or null when it is no URL. */
    private static String host(String url) {
        try {
            String host = new URI(url.trim()).getHost();
            if (host == null) {
                return url.isBlank() ? "" : null;
            }
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
