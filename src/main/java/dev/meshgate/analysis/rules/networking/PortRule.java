package dev.meshgate.analysis.rules.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.Locale;
import java.util.Set;

/**
 * Ports Istio rejects: numbers outside 1..65535 (Gateway servers, ServiceEntry ports, destination and match ports,
 * Sidecar listeners; 0 is a Unix domain socket where the bind says so), Gateway servers without a protocol Istio
 * knows, and ServiceEntry ports with an unknown one (none is fine there: Istio sniffs it).
 */
public final class PortRule implements Rule {

    private static final Set<String> PROTOCOLS = Set.of(
            "HTTP", "HTTPS", "GRPC", "GRPC-WEB", "HTTP2", "HTTP_PROXY", "MONGO", "MYSQL", "REDIS", "TCP", "TLS", "UDP");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "networking-ports",
                "Port numbers are within 1..65535 and protocols are known",
                Set.of(Message.MG1105),
                Set.of(Kinds.GATEWAY, Kinds.SERVICE_ENTRY, Kinds.VIRTUAL_SERVICE, Kinds.SIDECAR));
    }

    @Override
    public void check(Context context) {
        context.onEach(
                Kinds.GATEWAY,
                gateway -> Elements.each(gateway.at("/spec/servers"), "/spec/servers", (server, pointer) -> {
                    if (!onUnixSocket(server)) {
                        checkNumber(context, gateway, server.path("port"), pointer + "/port");
                    }
                    checkProtocol(context, gateway, server.path("port"), pointer + "/port", true);
                }));
        context.onEach(
                Kinds.SERVICE_ENTRY,
                se -> Elements.each(se.at("/spec/ports"), "/spec/ports", (port, pointer) -> {
                    checkNumber(context, se, port, pointer);
                    // Without a protocol Istio sniffs it: the webhook accepts an empty one here.
                    checkProtocol(context, se, port, pointer, false);
                }));
        context.onEach(Kinds.SIDECAR, sidecar -> {
            Elements.each(
                    sidecar.at("/spec/ingress"),
                    "/spec/ingress",
                    (listener, pointer) -> checkNumber(context, sidecar, listener.path("port"), pointer + "/port"));
            Elements.each(sidecar.at("/spec/egress"), "/spec/egress", (listener, pointer) -> {
                // Port 0 is an egress listener on a Unix domain socket, which the bind names.
                if (!onUnixSocket(listener)) {
                    checkNumber(context, sidecar, listener.path("port"), pointer + "/port");
                }
            });
        });
        context.onEach(
                Kinds.VIRTUAL_SERVICE,
                vs -> HttpRoutes.eachOfAnyProtocol(vs, (route, pointer) -> {
                    Elements.each(
                            route.path("match"),
                            pointer + "/match",
                            (match, matchPointer) ->
                                    checkValue(context, vs, match.path("port"), matchPointer + "/port"));
                    Elements.each(
                            route.path("route"),
                            pointer + "/route",
                            (destination, destinationPointer) -> checkNumber(
                                    context,
                                    vs,
                                    destination.path("destination").path("port"),
                                    destinationPointer + "/destination/port"));
                }));
    }

    /** A server or listener bound to a Unix domain socket, whose port number is 0 or unset. */
    private static boolean onUnixSocket(JsonNode listener) {
        return listener.path("bind").asText("").startsWith("unix://")
                && listener.path("port").path("number").asLong(0) == 0;
    }

    private static void checkProtocol(
            Context context, Resource resource, JsonNode port, String pointer, boolean required) {
        String protocol = port.path("protocol").asText("");
        if (protocol.isEmpty() && !required) {
            return;
        }
        if (port.isObject() && !PROTOCOLS.contains(protocol.toUpperCase(Locale.ROOT))) {
            context.report(
                    Message.MG1105,
                    resource,
                    pointer + "/protocol",
                    port.path("number").asText("?"),
                    protocol.isEmpty() ? "no protocol" : "unknown protocol '" + protocol + "'");
        }
    }

    private static void checkNumber(Context context, Resource resource, JsonNode port, String pointer) {
        if (port.isObject()) {
            checkValue(context, resource, port.path("number"), pointer + "/number");
        }
    }

    private static void checkValue(Context context, Resource resource, JsonNode number, String pointer) {
        if (number.isIntegralNumber() && (number.asLong() < 1 || number.asLong() > 65535)) {
            context.report(Message.MG1105, resource, pointer, number.asText(), "must be between 1 and 65535");
        }
    }
}
