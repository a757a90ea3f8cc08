package dev.meshgate.analysis.rules.serviceentry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.ObjectKey;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.ExportScopes;
import dev.meshgate.manifest.Resource;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * ServiceEntries seen from one namespace that give one host and port different protocols (IST0177): Istio keeps one,
 * so the others' traffic is treated with the wrong protocol. Visibility follows exportTo: an entry exported to some
 * namespaces meets the others exported there and those exported everywhere.
 */
public final class ConflictingServiceEntryProtocolRule implements Rule {

    private record Key(String scope, String host, long port) {}

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "serviceentry-conflicting-protocol",
                "ServiceEntries agree on the protocol of each host and port",
                Set.of(Message.IST0177),
                Set.of(Kinds.SERVICE_ENTRY));
    }

    @Override
    public void check(Context context) {
        // key -> entry -> protocol; an entry written twice is one entry.
        Map<Key, Map<Resource, String>> byHostAndPort = new LinkedHashMap<>();
        for (Resource entry : ObjectKey.distinct(context.index().ofKind(Kinds.SERVICE_ENTRY))) {
            for (String scope : ExportScopes.of(entry)) {
                for (JsonNode host : entry.at("/spec/hosts")) {
                    for (JsonNode port : entry.at("/spec/ports")) {
                        byHostAndPort
                                .computeIfAbsent(
                                        new Key(
                                                scope,
                                                host.asText(""),
                                                port.path("number").asLong()),
                                        k -> new LinkedHashMap<>())
                                .putIfAbsent(
                                        entry, port.path("protocol").asText("").toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        Set<Resource> reported = new HashSet<>();
        byHostAndPort.forEach((key, entries) -> {
            Map<Resource, String> seen = new LinkedHashMap<>(entries);
            if (!key.scope().equals(ExportScopes.EVERYWHERE)) {
                byHostAndPort
                        .getOrDefault(new Key(ExportScopes.EVERYWHERE, key.host(), key.port()), Map.of())
                        .forEach(seen::putIfAbsent);
            }
            Set<String> protocols = new TreeSet<>(seen.values());
            if (protocols.size() < 2) {
                return;
            }
            Map<String, Resource> named = new TreeMap<>();
            seen.keySet().forEach(entry -> named.put(entry.namespace() + "/" + entry.name(), entry));
            for (Resource entry : named.values()) {
                if (reported.add(entry)) {
                    context.report(
                            Message.IST0177,
                            entry,
                            "/metadata/name",
                            String.join(", ", named.keySet()),
                            key.host(),
                            key.port(),
                            String.join(", ", protocols));
                }
            }
        });
    }
}
