package dev.meshgate.analysis.rules.gatewayapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.ObjectKey;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.Resource;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two Kubernetes Gateways on one address ({@code spec.addresses}, same type and value) with listeners for the same
 * hostname, port and protocol (MG2106; Kiali's KIA1501). Gateways without addresses each get their own deployment
 * and Service from Istio, so they never share a port; Kiali warns for those too, meshgate does not.
 */
public final class SharedAddressListenersRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "gatewayapi-conflicting-gateways",
                "Kubernetes Gateways that share an address do not serve the same hostname on the same port",
                Set.of(Message.MG2106),
                Set.of(Kinds.KUBERNETES_GATEWAY));
    }

    @Override
    public void check(Context context) {
        Map<String, Set<Resource>> byAddress = new LinkedHashMap<>();
        context.forEach(Kinds.KUBERNETES_GATEWAY, gateway -> {
            for (JsonNode address : gateway.at("/spec/addresses")) {
                String value = address.path("value").asText("");
                if (!value.isEmpty()) {
                    byAddress
                            .computeIfAbsent(
                                    address.path("type").asText("IPAddress") + " " + value,
                                    key -> new LinkedHashSet<>())
                            .add(gateway);
                }
            }
        });
        Set<String> reported = new LinkedHashSet<>();
        byAddress.forEach((address, sharing) -> {
            List<Resource> gateways = ObjectKey.distinct(sharing);
            for (Resource gateway : gateways) {
                for (Resource other : gateways) {
                    if (other != gateway) {
                        compare(context, gateway, other, address.substring(address.indexOf(' ') + 1), reported);
                    }
                }
            }
        });
    }

    private static void compare(
            Context context, Resource gateway, Resource other, String address, Set<String> reported) {
        for (Listener listener : Listener.of(gateway)) {
            for (Listener theirs : Listener.of(other)) {
                String key = ObjectKey.of(gateway) + listener.pointer() + ObjectKey.of(other);
                if (listener.sameAs(theirs) && reported.add(key)) {
                    context.report(
                            Message.MG2106,
                            gateway,
                            listener.pointer(),
                            listener.name(),
                            listener.shownHostname(),
                            listener.port(),
                            address,
                            other.namespace() + "/" + other.name());
                }
            }
        }
    }
}
