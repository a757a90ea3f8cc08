package dev.meshgate.analysis.rules.serviceentry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.mesh.MeshConfigSource;
import dev.meshgate.analysis.rules.values.Elements;
import java.util.Locale;
import java.util.Set;

/**
 * A ServiceEntry without addresses whose port is TCP (or has no protocol): the sidecar cannot tell its traffic from
 * any other TCP traffic to that port (IST0134). Not when the mesh configuration of the input captures DNS and
 * allocates addresses automatically, as istioctl reads it.
 */
public final class ServiceEntryAddressesRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "serviceentry-addresses-required",
                "A TCP ServiceEntry has addresses, unless the mesh allocates them",
                Set.of(Message.IST0134),
                Set.of(Kinds.SERVICE_ENTRY, Kinds.ISTIO_OPERATOR, Kinds.CONFIG_MAP));
    }

    @Override
    public void check(Context context) {
        boolean allocated = MeshConfigSource.all(context.index()).stream()
                .anyMatch(source -> allocatesAddresses(
                        source.meshConfig().path("defaultConfig").path("proxyMetadata")));
        if (allocated) {
            return;
        }
        context.onEach(Kinds.SERVICE_ENTRY, entry -> {
            JsonNode addresses = entry.at("/spec/addresses");
            if (addresses.isArray() && !addresses.isEmpty()
                    || entry.at("/status/addresses").size() > 0) {
                return;
            }
            Elements.each(entry.at("/spec/ports"), "/spec/ports", (port, pointer) -> {
                String protocol = port.path("protocol").asText("");
                if (protocol.isEmpty() || protocol.toUpperCase(Locale.ROOT).equals("TCP")) {
                    context.report(Message.IST0134, entry, pointer);
                }
            });
        });
    }

    private static boolean allocatesAddresses(JsonNode metadata) {
        return metadata.path("ISTIO_META_DNS_CAPTURE").asText("").equals("true")
                && (metadata.path("ISTIO_META_DNS_AUTO_ALLOCATE").asText("").equals("true")
                        || metadata.path("PILOT_ENABLE_IP_AUTOALLOCATE")
                                .asText("")
                                .equals("true"));
    }
}
