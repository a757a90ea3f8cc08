package dev.meshgate.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshgate.manifest.FieldPositions;
import dev.meshgate.manifest.Resource;
import java.util.List;
import java.util.Map;

/**
 * The ingress gateway that {@code istioctl analyze} assumes when it analyses files alone: a gateway Pod labelled
 * {@code istio=ingressgateway} and its Service {@code istio-ingressgateway} (ports 80, 443, 31400 and 15443) in the
 * root namespace. A whole-mesh analysis takes its input as istioctl takes its files, so without this assumption every
 * Gateway on the default ingress gateway would select nothing, and its Secrets, ports and JWT routes could not be
 * judged. Not assumed when the input declares that Service, or a gateway workload so labelled in any namespace (the
 * gateway chart installs it in a namespace of its own): then the input's own installation decides.
 */
final class AssumedIngressGateway {

    /** Where the assumed resources say they come from; never a file of the input. */
    static final String ORIGIN = "<istioctl's default ingress gateway>";

    private static final String SERVICE = "istio-ingressgateway";
    private static final Map<String, String> LABELS = Map.of("istio", "ingressgateway");
    /** The Service's ports, by name: each its own target port. */
    private static final Object[][] PORTS = {{"http2", 80}, {"https", 443}, {"tcp", 31400}, {"tls", 15443}};

    private static final ObjectMapper JSON = new ObjectMapper();

    private AssumedIngressGateway() {}

    /** The assumed Pod and Service, unless the repository declares that Service or an ingress gateway of its own. */
    static List<Resource> unlessDeclared(List<Resource> repository, String rootNamespace) {
        for (Resource resource : repository) {
            if (resource.kind().equals(Kinds.SERVICE)
                    && resource.name().equals(SERVICE)
                    && resource.namespace().equals(rootNamespace)) {
                return List.of();
            }
            for (Workload workload : Workloads.of(resource)) {
                if (workload.matches(LABELS)) {
                    return List.of();
                }
            }
        }
        return List.of(pod(rootNamespace), service(rootNamespace));
    }

    private static Resource pod(String namespace) {
        ObjectNode pod = object("Pod", SERVICE + "-assumed", namespace);
        ((ObjectNode) pod.path("metadata")).putObject("labels").put("istio", "ingressgateway");
        pod.putObject("spec").putArray("containers").addObject().put("name", "istio-proxy");
        return resource(pod);
    }

    private static Resource service(String namespace) {
        ObjectNode service = object("Service", SERVICE, namespace);
        ObjectNode spec = service.putObject("spec");
        spec.putObject("selector").put("istio", "ingressgateway");
        ArrayNode ports = spec.putArray("ports");
        for (Object[] port : PORTS) {
            ports.addObject()
                    .put("name", (String) port[0])
                    .put("port", (int) port[1])
                    .put("protocol", "TCP")
                    .put("targetPort", (int) port[1]);
        }
        return resource(service);
    }

    private static ObjectNode object(String kind, String name, String namespace) {
        ObjectNode object = JSON.createObjectNode();
        object.put("apiVersion", "v1");
        object.put("kind", kind);
        object.putObject("metadata").put("name", name).put("namespace", namespace);
        return object;
    }

    private static Resource resource(JsonNode body) {
        JsonNode metadata = body.path("metadata");
        return new Resource(
                body.path("apiVersion").asText(),
                body.path("kind").asText(),
                metadata.path("name").asText(),
                metadata.path("namespace").asText(),
                true,
                body,
                new FieldPositions(ORIGIN));
    }
}
