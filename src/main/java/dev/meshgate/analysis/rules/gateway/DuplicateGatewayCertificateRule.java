package dev.meshgate.analysis.rules.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.ObjectKey;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Two Gateways on the same gateway workload (one's selector within the other's) serve the same certificate: the
 * same credentialName, or the same certificate and key files. Clients reuse an HTTP/2 connection for every host the
 * certificate covers, and the other Gateway's listener answers those requests with 404 (IST0138). Gateways are
 * grouped by certificate first, so only Gateways sharing one are compared.
 */
public final class DuplicateGatewayCertificateRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "gateway-duplicate-certificate",
                "Gateways on one gateway workload do not share a certificate",
                Set.of(Message.IST0138),
                Set.of(Kinds.GATEWAY));
    }

    @Override
    public void check(Context context) {
        Map<String, Set<Resource>> byCertificate = new LinkedHashMap<>();
        for (Resource gateway : ObjectKey.distinct(context.index().ofKind(Kinds.GATEWAY))) {
            for (JsonNode server : gateway.at("/spec/servers")) {
                certificate(server.path("tls")).ifPresent(certificate -> byCertificate
                        .computeIfAbsent(certificate, c -> new LinkedHashSet<>())
                        .add(gateway));
            }
        }
        Set<List<Resource>> reported = new LinkedHashSet<>();
        for (Set<Resource> sharing : byCertificate.values()) {
            List<Resource> gateways = new ArrayList<>(sharing);
            for (Resource current : gateways) {
                Map<String, String> selector = Resource.stringMap(current.at("/spec/selector"));
                for (Resource other : gateways) {
                    if (other != current
                            && Resource.stringMap(other.at("/spec/selector"))
                                    .entrySet()
                                    .containsAll(selector.entrySet())
                            && reported.add(List.of(current, other))) {
                        context.report(Message.IST0138, current, "/metadata/name", List.of(name(current), name(other)));
                    }
                }
            }
        }
    }

    /** What identifies a server's certificate: its credentialName, or its certificate and key files. */
    private static Optional<String> certificate(JsonNode tls) {
        String credential = tls.path("credentialName").asText("");
        if (!credential.isEmpty()) {
            return Optional.of("credential " + credential);
        }
        String certificate = tls.path("serverCertificate").asText("");
        String key = tls.path("privateKey").asText("");
        return certificate.isEmpty() || key.isEmpty()
                ? Optional.empty()
                : Optional.of("files " + certificate + " " + key);
    }

    private static String name(Resource gateway) {
        return gateway.namespace() + "/" + gateway.name();
    }
}
