package dev.meshgate.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.manifest.Resource;
import dev.meshgate.manifest.ResourceKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every resource of one analysis, indexed once so that rules look things up by kind, name, host or labels instead of
 * scanning: the cost of an analysis grows linearly with its input. Each rule reads it through a view that refuses
 * the kinds the rule does not declare (a set look-up per call).
 */
public final class Index {

    private static final List<Resource> NONE = List.of();

    /** The kinds a Secret comes from: written, or produced by cert-manager, External Secrets or Sealed Secrets. */
    static final Set<ResourceKind> SECRET_SOURCES =
            Set.of(Kinds.SECRET, Kinds.CERTIFICATE, Kinds.EXTERNAL_SECRET, Kinds.SEALED_SECRET);

    private final DeclaredInputs reader;
    private final AnalysisSettings settings;
    private final List<Resource> all;
    private final Map<ResourceKind, List<Resource>> byKind;
    private final Map<ObjectKey, List<Resource>> byName;
    // The same, whatever the namespace (a key with no namespace).
    private final Map<ObjectKey, List<Resource>> byNameInAnyNamespace;
    private final List<Workload> workloads;
    private final Map<LabelKey, List<Workload>> workloadsByLabel;
    private final Map<String, List<Workload>> workloadsByNamespace;
    private final Map<String, Resource> servicesByHost;
    private final Map<String, List<Resource>> serviceEntriesByHost;
    private final WildcardHosts wildcardServiceEntries;
    private final Map<String, List<Resource>> destinationRulesByHost;
    private final WildcardHosts wildcardDestinationRules;
    private final Set<String> secrets;
    private final Set<String> namespaces;
    private final Ownership ownership;

    private Index(List<Resource> repository, List<Resource> outside, AnalysisSettings settings) {
        this.reader = DeclaredInputs.EVERYTHING;
        this.settings = settings;
        List<Resource> resources = new ArrayList<>(repository);
        resources.addAll(outside);
        this.all = List.copyOf(resources);
        this.byKind = new HashMap<>();
        // Sized for one key per resource up front: growing a table of every resource rehashes it again and again.
        int capacity = resources.size() * 4 / 3 + 1;
        this.byName = new HashMap<>(capacity);
        this.byNameInAnyNamespace = new HashMap<>(capacity);
        this.workloads = new ArrayList<>();
        this.workloadsByLabel = new HashMap<>();
        this.workloadsByNamespace = new HashMap<>();
        this.servicesByHost = new HashMap<>();
        this.serviceEntriesByHost = new HashMap<>();
        this.wildcardServiceEntries = new WildcardHosts();
        this.destinationRulesByHost = new HashMap<>();
        this.wildcardDestinationRules = new WildcardHosts();
        this.secrets = new HashSet<>();
        this.namespaces = new HashSet<>();
        // Each resource's workloads by its position, repository first: no identity hash is made for every resource.
        List<List<Workload>> workloadsOf = new ArrayList<>(resources.size());
        for (Resource resource : resources) {
            workloadsOf.add(add(resource));
        }
        this.ownership =
                new Ownership(repository, outside, settings.rootNamespace(), settings.wholeMesh(), workloadsOf);
    }

    /** A view of the same tables that refuses reads the reader did not declare; nothing is copied. */
    private Index(Index tables, DeclaredInputs reader) {
        this.reader = reader;
        this.settings = tables.settings;
        this.all = tables.all;
        this.byKind = tables.byKind;
        this.byName = tables.byName;
        this.byNameInAnyNamespace = tables.byNameInAnyNamespace;
        this.workloads = tables.workloads;
        this.workloadsByLabel = tables.workloadsByLabel;
        this.workloadsByNamespace = tables.workloadsByNamespace;
        this.servicesByHost = tables.servicesByHost;
        this.serviceEntriesByHost = tables.serviceEntriesByHost;
        this.wildcardServiceEntries = tables.wildcardServiceEntries;
        this.destinationRulesByHost = tables.destinationRulesByHost;
        this.wildcardDestinationRules = tables.wildcardDestinationRules;
        this.secrets = tables.secrets;
        this.namespaces = tables.namespaces;
        this.ownership = tables.ownership;
    }

    /** Indexes the resources of one analysis, all of them the repository's. */
    public static Index build(List<Resource> resources, AnalysisSettings settings) {
        return new Index(resources, List.of(), settings);
    }

    /**
     * Indexes the repository's resources together with what the cluster or an inventory holds outside it: those
     * resolve references like the repository's own, but the namespaces they are in are not the repository's.
     */
    public static Index build(List<Resource> repository, List<Resource> outside, AnalysisSettings settings) {
        return new Index(repository, outside, settings);
    }

    /** The index as one rule sees it: only the kinds it declares can be read. */
    Index readBy(DeclaredInputs rule) {
        return new Index(this, rule);
    }

    /** Indexes the resource; returns the workloads it declares. */
    private List<Workload> add(Resource resource) {
        byKind.computeIfAbsent(resource.kind(), k -> new ArrayList<>()).add(resource);
        append(byName, key(resource.kind(), resource.namespace(), resource.name()), resource);
        append(byNameInAnyNamespace, key(resource.kind(), null, resource.name()), resource);
        if (!resource.namespace().isEmpty()) {
            namespaces.add(resource.namespace());
        }
        List<Workload> declared = Workloads.of(resource);
        for (Workload workload : declared) {
            addWorkload(workload);
        }
        ResourceKind kind = resource.kind();
        if (kind.equals(Kinds.NAMESPACE)) {
            namespaces.add(resource.name());
        } else if (kind.equals(Kinds.SERVICE)) {
            servicesByHost.put(
                    resource.name() + "." + resource.namespace() + ".svc." + settings.clusterDomain(), resource);
        } else if (kind.equals(Kinds.SERVICE_ENTRY)) {
            addByHosts(resource, resource.at("/spec/hosts"), serviceEntriesByHost, wildcardServiceEntries);
        } else if (kind.equals(Kinds.DESTINATION_RULE)) {
            addByHosts(resource, resource.at("/spec/host"), destinationRulesByHost, wildcardDestinationRules);
        } else if (SECRET_SOURCES.contains(kind)) {
            addSecretProducer(resource);
        }
        return declared;
    }

    /**
     * Adds the resource under the key. Almost every name is unique, so a name holds an immutable list of one until a
     * second resource comes: a growable list per resource would double what the index keeps alive.
     */
    private static <K> void append(Map<K, List<Resource>> table, K key, Resource resource) {
        List<Resource> present = table.putIfAbsent(key, List.of(resource));
        if (present == null) {
            return;
        }
        if (present.size() == 1) {
            List<Resource> several = new ArrayList<>(2);
            several.add(present.get(0));
            several.add(resource);
            table.put(key, several);
        } else {
            present.add(resource);
        }
    }

    private void addWorkload(Workload workload) {
        workloads.add(workload);
        namespaces.add(workload.namespace());
        workloadsByNamespace
                .computeIfAbsent(workload.namespace(), k -> new ArrayList<>())
                .add(workload);
        for (Map.Entry<String, String> label : workload.labels().entrySet()) {
            workloadsByLabel
                    .computeIfAbsent(
                            labelKey(workload.namespace(), label.getKey(), label.getValue()), k -> new ArrayList<>())
                    .add(workload);
            workloadsByLabel
                    .computeIfAbsent(labelKey(null, label.getKey(), label.getValue()), k -> new ArrayList<>())
                    .add(workload);
        }
    }

    private void addByHosts(
            Resource resource, JsonNode hosts, Map<String, List<Resource>> exact, WildcardHosts wildcards) {
        for (JsonNode host : hosts.isArray() ? hosts : List.of(hosts)) {
            String fqdn = HostNames.fqdn(host.asText(""), resource.namespace(), settings.clusterDomain());
            if (fqdn.isEmpty()) {
                continue;
            }
            if (HostNames.isWildcard(fqdn)) {
                wildcards.add(fqdn, resource);
            } else {
                exact.computeIfAbsent(fqdn, k -> new ArrayList<>()).add(resource);
            }
        }
    }

    /** Secrets exist when written, and when a controller in the input produces them. */
    private void addSecretProducer(Resource resource) {
        ResourceKind kind = resource.kind();
        String name = null;
        if (kind.equals(Kinds.SECRET)) {
            name = resource.name();
        } else if (kind.equals(Kinds.CERTIFICATE)) {
            name = resource.at("/spec/secretName").asText(null);
        } else if (kind.equals(Kinds.EXTERNAL_SECRET)) {
            name = resource.at("/spec/target/name").asText(resource.name());
        } else if (kind.equals(Kinds.SEALED_SECRET)) {
            name = resource.at("/spec/template/metadata/name").asText(resource.name());
        }
        if (name != null && !name.isEmpty()) {
            secrets.add(resource.namespace() + "/" + name);
        }
    }

    public AnalysisSettings settings() {
        return settings;
    }

    /** Every resource of the input; a rule reading it declares {@link Kinds#ANY}. */
    public List<Resource> all() {
        reader.requireEvery();
        return all;
    }

    public List<Resource> ofKind(ResourceKind kind) {
        reader.require(kind);
        return byKind.getOrDefault(kind, NONE);
    }

    public Optional<Resource> find(ResourceKind kind, String namespace, String name) {
        reader.require(kind);
        List<Resource> found = byName.get(key(kind, namespace, name));
        return found == null ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every resource with this kind, namespace and name (more than one is a duplicate definition). */
    public List<Resource> named(ResourceKind kind, String namespace, String name) {
        reader.require(kind);
        return byName.getOrDefault(key(kind, namespace, name), NONE);
    }

    /** Every resource with this kind and name, whatever its namespace, in the order of the input. */
    public List<Resource> namedInAnyNamespace(ResourceKind kind, String name) {
        reader.require(kind);
        return byNameInAnyNamespace.getOrDefault(key(kind, null, name), NONE);
    }

    /** All workloads of the input. */
    public List<Workload> workloads() {
        reader.requireWorkloads();
        return Collections.unmodifiableList(workloads);
    }

    /**
     * The workloads whose labels include every label of the selector; namespace null means all namespaces. The
     * candidates come from the rarest label of the selector, so a look-up costs what it returns, not the input size.
     */
    public List<Workload> workloads(String namespace, Map<String, String> selector) {
        reader.requireWorkloads();
        if (selector.isEmpty()) {
            return namespace == null ? workloads() : workloadsByNamespace.getOrDefault(namespace, List.of());
        }
        List<Workload> candidates = null;
        for (Map.Entry<String, String> label : selector.entrySet()) {
            List<Workload> withLabel = workloadsByLabel.get(labelKey(namespace, label.getKey(), label.getValue()));
            if (withLabel == null) {
                return List.of();
            }
            if (candidates == null || withLabel.size() < candidates.size()) {
                candidates = withLabel;
            }
        }
        List<Workload> matching = new ArrayList<>();
        for (Workload workload : candidates) {
            if (workload.matches(selector)) {
                matching.add(workload);
            }
        }
        return matching;
    }

    /** The Service behind a fully qualified "name.namespace.svc.domain" host. */
    public Optional<Resource> service(String fqdn) {
        reader.require(Kinds.SERVICE);
        return Optional.ofNullable(servicesByHost.get(fqdn));
    }

    /** Whether a Service's exportTo annotation lets a namespace see it. */
    public boolean serviceVisible(Resource service, String fromNamespace) {
        // The one annotation, read without making the map of them all: this runs for every host look-up.
        return ExportTo.visible(
                Resource.stringValue(
                        service.body().path("metadata").path("annotations"), "networking.istio.io/exportTo"),
                service.namespace(),
                fromNamespace);
    }

    /** ServiceEntries whose hosts cover the host and that are exported to the namespace. */
    public List<Resource> serviceEntries(String fqdn, String fromNamespace) {
        reader.require(Kinds.SERVICE_ENTRY);
        return visible(matchingByHost(fqdn, serviceEntriesByHost, wildcardServiceEntries), fromNamespace);
    }

    /** DestinationRules for the host (exact, or a wildcard host that covers it) exported to the namespace. */
    public List<Resource> destinationRules(String fqdn, String fromNamespace) {
        reader.require(Kinds.DESTINATION_RULE);
        return visible(matchingByHost(fqdn, destinationRulesByHost, wildcardDestinationRules), fromNamespace);
    }

    /** Whether the host is served by a visible Service or ServiceEntry of the input, or declared as known. */
    public boolean hostExists(String fqdn, String fromNamespace) {
        reader.require(Kinds.SERVICE);
        Resource service = servicesByHost.get(fqdn);
        if (service != null && serviceVisible(service, fromNamespace)) {
            return true;
        }
        if (!serviceEntries(fqdn, fromNamespace).isEmpty()) {
            return true;
        }
        for (String known : settings.knownHosts()) {
            if (HostNames.matches(known, fqdn)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a Secret of that name exists in the namespace, written or produced by a controller in the input. */
    public boolean secretExists(String namespace, String name) {
        reader.requireSecrets();
        return secrets.contains(namespace + "/" + name);
    }

    /**
     * Whether the repository manages the namespace: it declares an object in it, or its Namespace object (resources
     * from the cluster or an inventory never count).
     */
    public boolean managesNamespace(String namespace) {
        return ownership.managesNamespace(namespace);
    }

    /**
     * Whether a reference the input does not resolve is missing (its namespace is managed by the repository, or was
     * consulted in the cluster or inventory) or only unverified; rules report through {@link Context#unresolved}.
     */
    public boolean verifiable(Reference reference) {
        return ownership.verifiable(reference);
    }

    /** Why an unverified reference cannot be checked ("the input declares nothing in namespace payments"). */
    public String unverifiedBecause(Reference reference) {
        return ownership.unverifiedBecause(reference);
    }

    /** Namespaces that appear in the input (declared, or used by a resource). */
    public Set<String> namespaces() {
        reader.requireEvery();
        return Collections.unmodifiableSet(namespaces);
    }

    /** Exact matches first, then the resources whose wildcards cover the host, each once. */
    private static List<Resource> matchingByHost(
            String fqdn, Map<String, List<Resource>> exact, WildcardHosts wildcards) {
        List<Resource> exactly = exact.getOrDefault(fqdn, NONE);
        List<Resource> covering = wildcards.covering(fqdn);
        if (covering.isEmpty()) {
            return exactly;
        }
        List<Resource> found = new ArrayList<>(exactly);
        for (Resource resource : covering) {
            if (!exactly.contains(resource)) {
                found.add(resource);
            }
        }
        return found;
    }

    private static List<Resource> visible(List<Resource> resources, String fromNamespace) {
        if (fromNamespace == null || resources.isEmpty()) {
            return resources;
        }
        List<Resource> visible = new ArrayList<>(resources.size());
        for (Resource resource : resources) {
            if (ExportTo.visible(resource.at("/spec/exportTo"), resource.namespace(), fromNamespace)) {
                visible.add(resource);
            }
        }
        return visible;
    }

    private static ObjectKey key(ResourceKind kind, String namespace, String name) {
        return new ObjectKey(kind, namespace, name);
    }

    /** A label of a workload in a namespace, or in any namespace (null). */
    private record LabelKey(String namespace, String key, String value) {}

    private static LabelKey labelKey(String namespace, String key, String value) {
        return new LabelKey(namespace, key, value);
    }
}
