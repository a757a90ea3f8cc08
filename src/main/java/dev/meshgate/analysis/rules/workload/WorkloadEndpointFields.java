package dev.meshgate.analysis.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.analysis.rules.values.HostSyntax;
import dev.meshgate.analysis.rules.values.IpAddress;
import dev.meshgate.analysis.rules.values.LabelSyntax;
import dev.meshgate.manifest.Resource;
import java.util.Set;

/**
 * The fields a WorkloadEntry shares with ServiceEntry endpoints and WorkloadGroup templates, checked as Istio's
 * webhook checks each of them: the address, named ports in 1..65535, labels.
 */
public final class WorkloadEndpointFields {

    private static final String UNIX = "unix://";

    /** Which addresses the place takes. */
    public enum Addresses {
        /** A WorkloadEntry: an IP address, a host name or a Unix domain socket; none only with a network. */
        ANY,
        /** A STATIC ServiceEntry's endpoint: an IP address or a Unix domain socket. */
        STATIC,
        /** A DNS ServiceEntry's endpoint: an IP address or a host name. */
        DNS,
        /** A WorkloadGroup template: the address is filled in when the workload registers. */
        NONE
    }

    private WorkloadEndpointFields() {}

    /**
     * Checks the endpoint at the pointer; {@code servicePorts} are the port names a ServiceEntry defines (null where
     * any name goes).
     */
    public static void check(
            Context context,
            Resource resource,
            JsonNode endpoint,
            String pointer,
            Addresses addresses,
            Set<String> servicePorts) {
        if (addresses != Addresses.NONE) {
            checkAddress(context, resource, endpoint, pointer, addresses);
        } else if (endpoint.path("address").asText("").startsWith(UNIX)) {
            // A template's address is optional, but the CRD judges a Unix domain socket written there.
            checkUnixSocket(context, resource, endpoint, pointer);
        }
        Elements.entries(endpoint.path("ports"), pointer + "/ports", (name, port, at) -> {
            if (!LabelSyntax.portName(name)) {
                context.report(
                        Message.MG1105, resource, at, name, "a port name must be a DNS label (letters, digits, '-')");
            } else if (servicePorts != null && !servicePorts.contains(name)) {
                context.report(Message.MG1105, resource, at, name, "the ServiceEntry defines no port of that name");
            }
            if (port.isNumber() && (port.asLong() < 1 || port.asLong() > 65535)) {
                context.report(Message.MG1105, resource, at, port.asText(), "must be between 1 and 65535");
            }
        });
        checkLabels(context, resource, endpoint.path("labels"), pointer + "/labels");
    }

    /** Reports every label of the map that is no Kubernetes label. */
    public static void checkLabels(Context context, Resource resource, JsonNode labels, String pointer) {
        Elements.entries(labels, pointer, (key, value, at) -> LabelSyntax.problem(key, value.asText(""))
                .ifPresent(problem -> context.report(Message.MG1122, resource, at, key, problem)));
    }

    private static void checkAddress(
            Context context, Resource resource, JsonNode endpoint, String pointer, Addresses addresses) {
        String address = endpoint.path("address").asText("");
        String at = pointer + "/address";
        if (address.isEmpty()) {
            if (endpoint.path("network").asText("").isEmpty()) {
                context.report(Message.MG1110, resource, pointer, "address (or network)");
            }
            return;
        }
        if (address.startsWith(UNIX) && addresses != Addresses.DNS) {
            checkUnixSocket(context, resource, endpoint, pointer);
        } else if (!IpAddress.valid(address)) {
            if (addresses == Addresses.STATIC) {
                context.report(
                        Message.MG1123,
                        resource,
                        at,
                        address,
                        "STATIC endpoints need IP addresses (or unix://); host names need resolution DNS");
            } else {
                HostSyntax.fqdnProblem(address)
                        .ifPresent(problem -> context.report(
                                Message.MG1123,
                                resource,
                                at,
                                address,
                                "neither an IP address nor a host name: " + problem));
            }
        }
    }

    private static void checkUnixSocket(Context context, Resource resource, JsonNode endpoint, String pointer) {
        String address = endpoint.path("address").asText("");
        String at = pointer + "/address";
        String path = address.substring(UNIX.length());
        if (!path.startsWith("@") && !path.startsWith("/")) {
            context.report(
                    Message.MG1123,
                    resource,
                    at,
                    address,
                    "a Unix domain socket is an absolute path or an abstract socket (@name)");
        } else if (path.endsWith("/")) {
            context.report(Message.MG1123, resource, at, address, "a Unix domain socket cannot be a directory");
        }
        if (!endpoint.path("ports").isEmpty()) {
            context.report(Message.MG1123, resource, at, address, "a Unix domain socket takes no ports");
        }
    }
}
