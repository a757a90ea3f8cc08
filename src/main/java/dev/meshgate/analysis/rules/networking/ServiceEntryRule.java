package dev.meshgate.analysis.rules.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.analysis.rules.values.HostSyntax;
import dev.meshgate.analysis.rules.values.IpBlock;
import dev.meshgate.analysis.rules.values.LabelSyntax;
import dev.meshgate.analysis.rules.workload.WorkloadEndpointFields;
import dev.meshgate.analysis.rules.workload.WorkloadEndpointFields.Addresses;
import dev.meshgate.manifest.Resource;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * ServiceEntries Istio rejects beyond host syntax and port numbers: endpoints next to a workloadSelector, addresses
 * that are no IP or CIDR, repeated port names or numbers, port names that are no DNS labels, target ports outside
 * 1..65535, endpoints whose address or ports do not fit the resolution, and a resolution that does not fit the
 * endpoints, addresses, hosts or ports (see {@link Message#MG1125}).
 */
public final class ServiceEntryRule implements Rule {

    private static final Set<String> HTTP = Set.of("HTTP", "HTTP2", "GRPC", "GRPC-WEB", "HTTP_PROXY");
    private static final Set<String> TLS = Set.of("HTTPS", "TLS");
    private static final Set<String> DYNAMIC_DNS_PROTOCOLS = Set.of("HTTP", "TLS", "GRPC", "HTTP2");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "serviceentry-semantics",
                "ServiceEntries fit their resolution and are accepted by Istio",
                Set.of(
                        Message.MG1105,
                        Message.MG1108,
                        Message.MG1109,
                        Message.MG1110,
                        Message.MG1122,
                        Message.MG1123,
                        Message.MG1125),
                Set.of(Kinds.SERVICE_ENTRY));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.SERVICE_ENTRY, entry -> {
            JsonNode spec = entry.at("/spec");
            if (spec.path("workloadSelector").isObject() && spec.has("endpoints")) {
                context.report(Message.MG1108, entry, "/spec/endpoints", "workloadSelector and endpoints");
            }
            String resolution = spec.path("resolution").asText("NONE");
            checkAddresses(context, entry, spec, resolution);
            Set<String> portNames = checkPorts(context, entry, spec);
            checkResolution(context, entry, spec, resolution, portNames);
        });
    }

    private static void checkAddresses(Context context, Resource entry, JsonNode spec, String resolution) {
        boolean cidr = false;
        JsonNode addresses = spec.path("addresses");
        for (int i = 0; i < addresses.size(); i++) {
            String address = addresses.get(i).asText("");
            if (!IpBlock.valid(address)) {
                context.report(
                        Message.MG1123, entry, "/spec/addresses/" + i, address, "not an IP address or CIDR block");
            }
            cidr |= IpBlock.isCidr(address);
        }
        if (cidr && !resolution.equals("NONE") && !resolution.equals("STATIC")) {
            context.report(
                    Message.MG1125,
                    entry,
                    "/spec/resolution",
                    resolution,
                    "CIDR addresses are allowed only with resolution NONE or STATIC");
        }
    }

    /** Checks the ports and answers their names. */
    private static Set<String> checkPorts(Context context, Resource entry, JsonNode spec) {
        Set<String> names = new HashSet<>();
        Set<Long> numbers = new HashSet<>();
        Elements.each(spec.path("ports"), "/spec/ports", (port, pointer) -> {
            String name = port.path("name").asText("");
            if (!LabelSyntax.portName(name)) {
                context.report(
                        Message.MG1105,
                        entry,
                        pointer + "/name",
                        port.path("number").asText("?"),
                        name.isEmpty() ? "a port needs a name" : "the name '" + name + "' is no DNS label");
            } else if (!names.add(name)) {
                context.report(Message.MG1109, entry, pointer + "/name", "port name '" + name + "'");
            }
            if (port.path("number").isNumber()
                    && !numbers.add(port.path("number").asLong())) {
                context.report(Message.MG1109, entry, pointer + "/number", "port number " + port.path("number"));
            }
            JsonNode target = port.path("targetPort");
            // The CRD's rule refuses a written 0 too, though the webhook reads it as unset.
            if (target.isNumber() && (target.asLong() < 1 || target.asLong() > 65535)) {
                context.report(
                        Message.MG1105, entry, pointer + "/targetPort", target.asText(), "must be between 1 and 65535");
            }
        });
        return names;
    }

    private static void checkResolution(
            Context context, Resource entry, JsonNode spec, String resolution, Set<String> portNames) {
        JsonNode endpoints = spec.path("endpoints");
        switch (resolution) {
            case "NONE" -> {
                if (!endpoints.isEmpty()) {
                    mismatch(context, entry, "/spec/endpoints", resolution, "endpoints cannot be set");
                }
            }
            case "STATIC" -> Elements.each(endpoints, "/spec/endpoints", (endpoint, pointer) -> {
                WorkloadEndpointFields.check(context, entry, endpoint, pointer, Addresses.STATIC, portNames);
                if (endpoint.path("address").asText("").startsWith("unix://") && portNames.size() != 1) {
                    mismatch(
                            context,
                            entry,
                            pointer + "/address",
                            resolution,
                            "a Unix domain socket endpoint needs exactly one service port");
                }
            });
            case "DNS", "DNS_ROUND_ROBIN" -> {
                if (endpoints.isEmpty()) {
                    Elements.each(spec.path("hosts"), "/spec/hosts", (host, pointer) -> HostSyntax.fqdnProblem(
                                    host.asText(""))
                            .ifPresent(problem -> mismatch(
                                    context,
                                    entry,
                                    pointer,
                                    resolution,
                                    "without endpoints the hosts are resolved, so they must be plain host names ("
                                            + problem + ")")));
                }
                if (resolution.equals("DNS_ROUND_ROBIN") && endpoints.size() > 1) {
                    mismatch(context, entry, "/spec/endpoints", resolution, "at most one endpoint");
                }
                Elements.each(
                        endpoints,
                        "/spec/endpoints",
                        (endpoint, pointer) -> WorkloadEndpointFields.check(
                                context, entry, endpoint, pointer, Addresses.DNS, portNames));
            }
            case "DYNAMIC_DNS" -> checkDynamicDns(context, entry, spec, resolution);
            default -> {
                // Unknown values are the structure check's finding.
            }
        }
        if (!resolution.equals("NONE") && spec.path("hosts").size() > 1) {
            Elements.each(spec.path("ports"), "/spec/ports", (port, pointer) -> {
                String protocol = port.path("protocol").asText("").toUpperCase(Locale.ROOT);
                if (!HTTP.contains(protocol) && !TLS.contains(protocol)) {
                    mismatch(
                            context,
                            entry,
                            pointer,
                            resolution,
                            "several hosts need HTTP or TLS ports (plain TCP cannot tell the hosts apart), not "
                                    + (protocol.isEmpty() ? "a port without protocol" : protocol));
                }
            });
        }
    }

    private static void checkDynamicDns(Context context, Resource entry, JsonNode spec, String resolution) {
        Elements.each(spec.path("hosts"), "/spec/hosts", (host, pointer) -> {
            if (!host.asText("").startsWith("*")) {
                mismatch(context, entry, pointer, resolution, "every host must be a wildcard");
            }
        });
        if (!spec.path("addresses").isEmpty()) {
            mismatch(context, entry, "/spec/addresses", resolution, "addresses cannot be set");
        }
        if (!spec.path("endpoints").isEmpty()) {
            mismatch(context, entry, "/spec/endpoints", resolution, "endpoints cannot be set");
        }
        Elements.each(spec.path("ports"), "/spec/ports", (port, pointer) -> {
            String protocol = port.path("protocol").asText("").toUpperCase(Locale.ROOT);
            if (!DYNAMIC_DNS_PROTOCOLS.contains(protocol)) {
                mismatch(context, entry, pointer, resolution, "ports must be HTTP, TLS, GRPC or HTTP2");
            }
        });
    }

    private static void mismatch(Context context, Resource entry, String pointer, String resolution, String why) {
        context.report(Message.MG1125, entry, pointer, resolution, why);
    }
}
