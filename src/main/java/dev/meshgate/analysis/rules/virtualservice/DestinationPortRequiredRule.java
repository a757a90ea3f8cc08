package dev.meshgate.analysis.rules.virtualservice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.HostNames;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A route destination names a Service of the input that exposes several ports but gives no port (IST0112). Mirrors
 * are left alone, as istioctl does.
 */
public final class DestinationPortRequiredRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "virtualservice-destination-port-required",
                "Destinations to multi-port Services name their port",
                Set.of(Message.IST0112),
                Set.of(Kinds.VIRTUAL_SERVICE, Kinds.SERVICE));
    }

    @Override
    public void check(Context context) {
        String domain = context.settings().clusterDomain();
        context.onEach(
                Kinds.VIRTUAL_SERVICE,
                vs -> VirtualServiceDestinations.forEach(vs, located -> {
                    String host = located.host();
                    if (located.use() != VirtualServiceDestinations.Use.ROUTE || host == null || located.hasPort()) {
                        return;
                    }
                    String fqdn = HostNames.fqdn(host, vs.namespace(), domain);
                    context.index().service(fqdn).ifPresent(service -> {
                        List<String> ports = ports(service);
                        if (ports.size() > 1) {
                            context.report(Message.IST0112, vs, located.pointer(), fqdn, ports);
                        }
                    });
                }));
    }

    private static List<String> ports(Resource service) {
        List<String> ports = new ArrayList<>();
        for (JsonNode port : service.at("/spec/ports")) {
            ports.add(port.path("port").asText("?"));
        }
        return ports;
    }
}
