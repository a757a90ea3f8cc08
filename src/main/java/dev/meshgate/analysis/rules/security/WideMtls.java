package dev.meshgate.analysis.rules.security;

import dev.meshgate.analysis.Index;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.ObjectKey;
import dev.meshgate.analysis.rules.mesh.MeshConfigSource;
import dev.meshgate.manifest.Resource;
import dev.meshgate.manifest.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The mutual TLS modes set for a whole namespace or the whole mesh, as Kiali compares them: PeerAuthentications without
 * a selector (in the root namespace they are mesh-wide), and DestinationRules whose host is the wildcard of a namespace
 * ({@code *.ns.svc.cluster.local}) or of the mesh ({@code *.local}). Workload-scoped PeerAuthentications and
 * DestinationRules for single hosts are not namespace- or mesh-wide, so they take no part.
 */
public final class WideMtls {

    /** The DestinationRule host that covers every service of the mesh. */
    public static final String MESH_HOST = "*.local";

    /** Where a DestinationRule's own TLS mode is written. */
    public static final String DESTINATION_RULE_MODE = "/spec/trafficPolicy/tls/mode";

    private final Index index;
    private final String rootNamespace;
    // Both tables are made on the first question: rules ask only about what disables mutual TLS, which most inputs
    // never do, and grouping every DestinationRule costs a walk of them all.
    private Map<String, List<Resource>> namespaceWide;
    private Map<String, List<Resource>> destinationRules;

    /** The look-ups over the input's namespace-wide PeerAuthentications and DestinationRules by host. */
    public WideMtls(Index index) {
        this.index = index;
        this.rootNamespace = MeshConfigSource.rootNamespace(index);
    }

    /** The namespace-wide PeerAuthentications by namespace, grouped once. */
    private Map<String, List<Resource>> namespaceWideByNamespace() {
        if (namespaceWide == null) {
            namespaceWide = grouped(
                    Kinds.PEER_AUTHENTICATION, pa -> namespaceWideMode(pa).isPresent(), Resource::namespace);
        }
        return namespaceWide;
    }

    /** The DestinationRules that set a TLS mode, by host, grouped once. */
    private Map<String, List<Resource>> destinationRulesByHost() {
        if (destinationRules == null) {
            destinationRules = grouped(Kinds.DESTINATION_RULE, dr -> mode(dr).isPresent(), dr -> dr.at("/spec/host")
                    .asText(""));
        }
        return destinationRules;
    }

    /** The distinct resources of the kind that pass the test, grouped by the key, in the input's order. */
    private Map<String, List<Resource>> grouped(
            ResourceKind kind, Predicate<Resource> test, java.util.function.Function<Resource, String> key) {
        Map<String, List<Resource>> groups = new HashMap<>();
        for (Resource resource : ObjectKey.distinct(index.ofKind(kind))) {
            if (test.test(resource)) {
                groups.computeIfAbsent(key.apply(resource), k -> new ArrayList<>())
                        .add(resource);
            }
        }
        return groups;
    }

    /** The kinds these look-ups read. */
    public static Set<ResourceKind> inputs() {
        return Set.of(Kinds.PEER_AUTHENTICATION, Kinds.DESTINATION_RULE, Kinds.ISTIO_OPERATOR, Kinds.CONFIG_MAP);
    }

    /** The root namespace in effect. */
    public String root() {
        return rootNamespace;
    }

    /** The wildcard host of every service of a namespace. */
    public String namespaceHost(String namespace) {
        return namespaceHost(namespace, index.settings().clusterDomain());
    }

    /** The wildcard host of every service of a namespace, under the cluster domain. */
    public static String namespaceHost(String namespace, String clusterDomain) {
        return "*." + namespace + ".svc." + clusterDomain;
    }

    /**
     * The TLS mode a DestinationRule sets for all its traffic: empty when it sets none; DISABLE when it writes
     * {@code tls} without a mode, as Istio reads it.
     */
    public static Optional<String> mode(Resource destinationRule) {
        if (!destinationRule.at("/spec/trafficPolicy/tls").isObject()) {
            return Optional.empty();
        }
        return Optional.of(destinationRule.at(DESTINATION_RULE_MODE).asText("DISABLE"));
    }

    /** Whether a DestinationRule mode makes clients speak mutual TLS (Istio's or their own). */
    public static boolean mutual(String mode) {
        return mode.equals("ISTIO_MUTUAL") || mode.equals("MUTUAL");
    }

    /**
     * The mode a PeerAuthentication sets for its whole namespace: empty when it selects workloads or sets no mode. An
     * empty selector selects nothing in particular, so it is namespace-wide, as Istio reads it.
     */
    public static Optional<String> namespaceWideMode(Resource peerAuthentication) {
        if (!Resource.stringMap(peerAuthentication.at("/spec/selector/matchLabels"))
                .isEmpty()) {
            return Optional.empty();
        }
        String mode = peerAuthentication.at("/spec/mtls/mode").asText("UNSET");
        return mode.equals("UNSET") ? Optional.empty() : Optional.of(mode);
    }

    /** Whether a PeerAuthentication without a selector makes its namespace STRICT. */
    public static boolean strict(Resource peerAuthentication) {
        return namespaceWideMode(peerAuthentication).orElse("").equals("STRICT");
    }

    /**
     * The PeerAuthentication without a selector that decides a namespace's mode (Istio applies the oldest; the input's
     * order stands in for age), if one sets a mode.
     */
    public Optional<Resource> namespaceWide(String namespace) {
        return namespaceWideByNamespace().getOrDefault(namespace, List.of()).stream()
                .findFirst();
    }

    /** The first DestinationRule for exactly this host whose TLS mode passes the test. */
    public Optional<Resource> destinationRuleFor(String host, Predicate<String> modeTest) {
        return destinationRulesByHost().getOrDefault(host, List.of()).stream()
                .filter(dr -> modeTest.test(mode(dr).orElseThrow()))
                .findFirst();
    }
}
