package dev.meshgate.analysis.rules.service;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import java.util.Locale;
import java.util.Set;

/**
 * A Service port whose name does not follow Istio's {@code <protocol>[-<suffix>]} convention and that sets no
 * appProtocol: Istio falls back to protocol sniffing (IST0118). On an ExternalName Service such a port, or one named
 * plain "tcp", is IST0150: the sidecar forwards it as TCP for every host.
 */
public final class PortNameConventionRule implements Rule {

    private static final Set<String> PROTOCOLS =
            Set.of("http", "http2", "https", "grpc", "grpc-web", "mongo", "mysql", "redis", "tcp", "tls", "udp");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "service-port-name",
                "Service ports are named <protocol>[-<suffix>] or set appProtocol",
                Set.of(Message.IST0118, Message.IST0150),
                Set.of(Kinds.SERVICE));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.SERVICE, service -> {
            Elements.each(service.at("/spec/ports"), "/spec/ports", (port, portPointer) -> {
                String name = port.path("name").asText("");
                boolean externalName = service.at("/spec/type").asText("").equals("ExternalName");
                boolean plainTcp = name.equals("tcp");
                if ((port.hasNonNull("appProtocol") || followsConvention(name)) && !(externalName && plainTcp)) {
                    return;
                }
                String pointer = portPointer + (port.has("name") ? "/name" : "");
                if (externalName) {
                    context.report(Message.IST0150, service, pointer);
                    return;
                }
                context.report(
                        Message.IST0118,
                        service,
                        pointer,
                        name.isEmpty() ? "(none)" : name,
                        port.path("port").asText(),
                        port.path("targetPort").asText(port.path("port").asText()));
            });
        });
    }

    static boolean followsConvention(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String protocol : PROTOCOLS) {
            if (lower.equals(protocol) || lower.startsWith(protocol + "-")) {
                return true;
            }
        }
        return false;
    }
}
