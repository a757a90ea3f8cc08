package dev.meshgate.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshgate.manifest.FieldPositions;
import dev.meshgate.manifest.Resource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads, read-only, the kinds references point at: Services, Namespaces (for their injection labels), workloads (for
 * their pod labels), Secrets in the gateway namespaces (names and types only: their data is dropped at once), and
 * Istio's ServiceEntries, Gateways, DestinationRules, VirtualServices and Sidecars, the Gateway API's Gateways and
 * ReferenceGrants (when the cluster serves them), and the CustomResourceDefinitions
 * of Istio's groups and the Gateway API (structure is checked against them). Each becomes a resource trimmed to what
 * analysis needs, so that an inventory of them can be shared without secrets.
 */
final class ClusterResources {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ISTIO_KINDS =
            List.of("ServiceEntry", "Gateway", "DestinationRule", "VirtualService", "Sidecar");

    /** The Gateway API kinds routes refer to, each at the version every supported release serves. */
    private static final List<String[]> GATEWAY_API_KINDS =
            List.of(new String[] {"v1", "Gateway"}, new String[] {"v1beta1", "ReferenceGrant"});

    private ClusterResources() {}

    static List<Resource> read(KubernetesClient client, List<String> secretNamespaces, String origin) {
        List<Resource> resources = new ArrayList<>();
        client.services().inAnyNamespace().list().getItems().forEach(item -> add(resources, item, origin));
        client.namespaces().list().getItems().forEach(item -> add(resources, item, origin));
        client.apps().deployments().inAnyNamespace().list().getItems().forEach(item -> add(resources, item, origin));
        client.apps().statefulSets().inAnyNamespace().list().getItems().forEach(item -> add(resources, item, origin));
        client.apps().daemonSets().inAnyNamespace().list().getItems().forEach(item -> add(resources, item, origin));
        for (String namespace : secretNamespaces) {
            client.secrets().inNamespace(namespace).list().getItems().forEach(item -> add(resources, item, origin));
        }
        for (String kind : ISTIO_KINDS) {
            listCustom(client, "networking.istio.io", "v1", kind, resources, origin);
        }
        resources.addAll(gatewayApi(client, origin));
        resources.addAll(crds(client, origin));
        return resources;
    }

    /**
     * The Kubernetes Gateways and ReferenceGrants routes point at; none when the cluster does not serve the Gateway
     * API (its CRDs are not installed) or the role may not list them, so references to them stay unverified.
     */
    private static List<Resource> gatewayApi(KubernetesClient client, String origin) {
        List<Resource> found = new ArrayList<>();
        for (String[] kind : GATEWAY_API_KINDS) {
            try {
                listCustom(client, "gateway.networking.k8s.io", kind[0], kind[1], found, origin);
            } catch (KubernetesClientException e) {
                if (e.getCode() != 403 && e.getCode() != 404) {
                    throw e;
                }
            }
        }
        return found;
    }

    /** Adds every object of a namespaced custom kind, in all namespaces. */
    private static void listCustom(
            KubernetesClient client, String group, String version, String kind, List<Resource> into, String origin) {
        ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(version)
                .withKind(kind)
                .withPlural(kind.toLowerCase(java.util.Locale.ROOT) + "s")
                .withNamespaced(true)
                .build();
        client.genericKubernetesResources(context)
                .inAnyNamespace()
                .list()
                .getItems()
                .forEach(item -> add(into, item, origin));
    }

    /**
     * The CRDs of Istio's groups and the Gateway API; none when the role may not list CRDs (a deployment whose role
     * predates the permission keeps its look-ups, and structure falls back to the next source).
     */
    private static List<Resource> crds(KubernetesClient client, String origin) {
        List<Resource> crds = new ArrayList<>();
        try {
            client.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
                    .filter(crd -> crd.getSpec() != null
                            && crd.getSpec().getGroup() != null
                            && (crd.getSpec().getGroup().endsWith(".istio.io")
                                    || "gateway.networking.k8s.io"
                                            .equals(crd.getSpec().getGroup())))
                    .forEach(crd -> add(crds, crd, origin));
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403 && e.getCode() != 404) {
                throw e;
            }
        }
        return crds;
    }

    private static void add(List<Resource> resources, Object item, String origin) {
        JsonNode body = trim(JSON.valueToTree(item));
        JsonNode metadata = body.path("metadata");
        String namespace = metadata.path("namespace").asText("");
        resources.add(new Resource(
                body.path("apiVersion").asText(),
                body.path("kind").asText(),
                metadata.path("name").asText(),
                namespace,
                !namespace.isEmpty(),
                body,
                new FieldPositions(origin)));
    }

    /** Keeps identity, labels, annotations and spec; drops status, bookkeeping and any Secret data. */
    static JsonNode trim(JsonNode object) {
        ObjectNode trimmed = JSON.createObjectNode();
        trimmed.set("apiVersion", object.path("apiVersion"));
        trimmed.set("kind", object.path("kind"));
        ObjectNode metadata = trimmed.putObject("metadata");
        for (String field : List.of("name", "namespace", "labels", "annotations")) {
            if (object.path("metadata").has(field)) {
                metadata.set(field, object.path("metadata").path(field));
            }
        }
        if (metadata.path("annotations") instanceof ObjectNode annotations) {
            // kubectl keeps the whole last applied object here, Secret data included.
            annotations.remove("kubectl.kubernetes.io/last-applied-configuration");
        }
        if ("Secret".equals(object.path("kind").asText())) {
            trimmed.set("type", object.path("type"));
        } else if (object.has("spec")) {
            trimmed.set("spec", object.path("spec"));
        }
        return trimmed;
    }
}
