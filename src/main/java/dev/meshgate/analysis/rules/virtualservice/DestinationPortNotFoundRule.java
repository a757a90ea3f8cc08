package dev.meshgate.analysis.rules.virtualservice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.HostNames;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.Resource;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A route or mirror destination names a port that the Service (or the ServiceEntries) of its host in the input do not
 * expose (IST0101, "host:port"): Envoy has no cluster for that port, so the traffic fails. Hosts the input does not
 * define are left to the host rules.
 */
public final class DestinationPortNotFoundRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "virtualservice-destination-port",
                "Destination ports are ports of the destination's Service",
                Set.of(Message.IST0101),
                Set.of(Kinds.VIRTUAL_SERVICE, Kinds.SERVICE, Kinds.SERVICE_ENTRY));
    }

    @Override
    public void check(Context context) {
        String domain = context.settings().clusterDomain();
        context.onEach(
                Kinds.VIRTUAL_SERVICE,
                vs -> VirtualServiceDestinations.forEach(vs, located -> {
                    String host = located.host();
                    Long number = located.portNumber();
                    if (host == null || number == null) {
                        return;
                    }
                    long port = number;
                    String fqdn = HostNames.fqdn(host, vs.namespace(), domain);
                    exposes(context, fqdn, vs.namespace(), port)
                            .filter(found -> !found)
                            .ifPresent(missing -> context.report(
                                    Message.IST0101,
                                    vs,
                                    located.pointer() + "/port/number",
                                    "host:port",
                                    host + ":" + port));
                }));
    }

    /** Whether the input's definition of the host exposes the port; empty when the input does not define the host. */
    private static Optional<Boolean> exposes(Context context, String fqdn, String fromNamespace, long port) {
        Optional<Resource> service = context.index().service(fqdn);
        // A definition without ports (an ExternalName Service, a ServiceEntry that lists none) says nothing.
        if (service.isPresent()) {
            JsonNode ports = service.get().at("/spec/ports");
            return ports.isEmpty() ? Optional.empty() : Optional.of(has(ports, "port", port));
        }
        List<Resource> entries = context.index().serviceEntries(fqdn, fromNamespace);
        if (entries.isEmpty()
                || entries.stream().anyMatch(entry -> entry.at("/spec/ports").isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(entries.stream().anyMatch(entry -> has(entry.at("/spec/ports"), "number", port)));
    }

    private static boolean has(JsonNode ports, String field, long port) {
        for (JsonNode entry : ports) {
            if (entry.path(field).asLong(-1) == port) {
                return true;
            }
        }
        return false;
    }
}
