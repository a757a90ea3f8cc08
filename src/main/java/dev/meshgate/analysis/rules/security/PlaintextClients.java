package dev.meshgate.analysis.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.HostNames;
import dev.meshgate.analysis.Index;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.ObjectKey;
import dev.meshgate.analysis.rules.mesh.MeshConfigSource;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether clients send plain text to the services of a namespace, where the input decides it for every client without
 * a DestinationRule of its own. Istio looks for the DestinationRule in the services' namespace, then in the root
 * namespace, the most specific host first: one for every service of the namespace ({@code *.ns.svc.cluster.local}) or
 * of the mesh ({@code *.local}) that disables TLS makes clients send plain text; without one, so does auto mTLS turned
 * off in the mesh configuration. A DestinationRule with TLS settings for single hosts of the namespace, or one that is
 * not exported everywhere or selects client workloads, may decide otherwise for some clients, so it leaves the
 * question open.
 */
public final class PlaintextClients {

    private final String rootNamespace;
    private final String clusterDomain;
    private final Map<String, List<Resource>> wideByNamespace = new HashMap<>();
    private final Set<String> undecided = new HashSet<>();
    private final Optional<Resource> autoMtlsOff;

    /** Reads the input's DestinationRules and mesh configuration once. */
    public PlaintextClients(Index index) {
        this.rootNamespace = MeshConfigSource.rootNamespace(index);
        this.clusterDomain = index.settings().clusterDomain();
        for (Resource dr : ObjectKey.distinct(index.ofKind(Kinds.DESTINATION_RULE))) {
            String host = HostNames.fqdn(dr.at("/spec/host").asText(""), dr.namespace(), clusterDomain);
            if (host.equals(WideMtls.MESH_HOST) || wideNamespace(host) != null) {
                wideByNamespace
                        .computeIfAbsent(dr.namespace(), k -> new ArrayList<>())
                        .add(dr);
            } else if (setsTls(dr)) {
                String namespace = HostNames.serviceNamespace(host, clusterDomain);
                if (namespace != null) {
                    undecided.add(namespace);
                } else if (HostNames.isWildcard(host)) {
                    // Another wildcard (*.svc.cluster.local, *) may cover any namespace.
                    undecided.add("*");
                }
            }
        }
        this.autoMtlsOff = autoMtlsOff(index);
    }

    /**
     * What makes clients send plain text to the services of the namespace (a DestinationRule, or the resource holding
     * the mesh configuration), if the input decides so for every client without a DestinationRule of its own.
     */
    public Optional<Resource> in(String namespace) {
        if (undecided.contains(namespace) || undecided.contains("*")) {
            return Optional.empty();
        }
        Optional<Resource> deciding = deciding(namespace);
        if (deciding.isPresent()) {
            Resource dr = deciding.get();
            if (!appliesToEveryClient(dr)) {
                return Optional.empty();
            }
            Optional<String> mode = WideMtls.mode(dr);
            if (mode.isPresent()) {
                return mode.get().equals("DISABLE") ? deciding : Optional.empty();
            }
            // A DestinationRule without TLS settings leaves the choice to auto mTLS.
        }
        return autoMtlsOff;
    }

    /** The wide DestinationRule Istio picks for the namespace's services; empty when none or the level disagrees. */
    private Optional<Resource> deciding(String namespace) {
        for (String level : List.of(namespace, rootNamespace)) {
            List<Resource> candidates = wideByNamespace.getOrDefault(level, List.of());
            for (String host : List.of(WideMtls.namespaceHost(namespace, clusterDomain), WideMtls.MESH_HOST)) {
                List<Resource> forHost = candidates.stream()
                        .filter(dr -> HostNames.fqdn(dr.at("/spec/host").asText(""), dr.namespace(), clusterDomain)
                                .equals(host))
                        .toList();
                if (!forHost.isEmpty()) {
                    Resource first = forHost.get(0);
                    boolean agree =
                            forHost.stream().allMatch(dr -> WideMtls.mode(dr).equals(WideMtls.mode(first)));
                    return agree ? Optional.of(first) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private String wideNamespace(String host) {
        String suffix = ".svc." + clusterDomain;
        if (!host.startsWith("*.") || !host.endsWith(suffix)) {
            return null;
        }
        String namespace = host.substring(2, host.length() - suffix.length());
        return namespace.isEmpty() || namespace.contains(".") ? null : namespace;
    }

    /** Whether the DestinationRule reaches clients in every namespace and decides TLS for all its ports and subsets. */
    private static boolean appliesToEveryClient(Resource dr) {
        JsonNode exportTo = dr.at("/spec/exportTo");
        boolean everywhere = exportTo.isMissingNode()
                || exportTo.isEmpty()
                || (exportTo.size() == 1 && exportTo.get(0).asText().equals("*"));
        return everywhere && dr.at("/spec/workloadSelector").isMissingNode() && !setsTlsBelowTop(dr);
    }

    private static boolean setsTls(Resource dr) {
        return dr.at("/spec/trafficPolicy/tls").isObject() || setsTlsBelowTop(dr);
    }

    private static boolean setsTlsBelowTop(Resource dr) {
        if (portLevelTls(dr.at("/spec/trafficPolicy/portLevelSettings"))) {
            return true;
        }
        for (JsonNode subset : dr.at("/spec/subsets")) {
            JsonNode policy = subset.path("trafficPolicy");
            if (policy.path("tls").isObject() || portLevelTls(policy.path("portLevelSettings"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean portLevelTls(JsonNode settings) {
        for (JsonNode port : settings) {
            if (port.path("tls").isObject()) {
                return true;
            }
        }
        return false;
    }

    /** The mesh configuration that turns auto mTLS off, when every one of the input's that sets it does. */
    private static Optional<Resource> autoMtlsOff(Index index) {
        Resource off = null;
        for (MeshConfigSource source : MeshConfigSource.all(index)) {
            JsonNode setting = source.meshConfig().path("enableAutoMtls");
            if (setting.isMissingNode() || setting.isNull()) {
                continue;
            }
            if (setting.asText().equals("false")) {
                off = off == null ? source.resource() : off;
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(off);
    }
}
