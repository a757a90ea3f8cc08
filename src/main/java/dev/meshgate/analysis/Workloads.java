package dev.meshgate.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.meshgate.manifest.Resource;
import dev.meshgate.manifest.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the workloads a resource declares, from the kinds that carry pod templates. */
final class Workloads {

    private static final Map<ResourceKind, String> POD_SPEC = Map.of(
            Kinds.DEPLOYMENT, "/spec/template/spec",
            Kinds.STATEFUL_SET, "/spec/template/spec",
            Kinds.DAEMON_SET, "/spec/template/spec",
            Kinds.REPLICA_SET, "/spec/template/spec",
            Kinds.JOB, "/spec/template/spec",
            Kinds.ROLLOUT, "/spec/template/spec",
            Kinds.CRON_JOB, "/spec/jobTemplate/spec/template/spec",
            Kinds.POD, "/spec");

    // The pointer of the node holding each pod spec, made once: a pointer made per resource is hashed per resource.
    private static final Map<String, String> POD_TEMPLATE = Map.of(
            "/spec/template/spec", "/spec/template",
            "/spec/jobTemplate/spec/template/spec", "/spec/jobTemplate/spec/template",
            "/spec", "");

    private Workloads() {}

    /** The workloads the resource declares; only kinds in Kinds.WORKLOADS, the set rules declare to read them. */
    static List<Workload> of(Resource resource) {
        if (!Kinds.WORKLOADS.contains(resource.kind())) {
            return List.of();
        }
        String podSpec = POD_SPEC.get(resource.kind());
        if (podSpec != null) {
            JsonNode template = resource.at(POD_TEMPLATE.get(podSpec));
            return List.of(new Workload(
                    resource,
                    resource.namespace(),
                    Resource.stringMap(template.path("metadata").path("labels")),
                    podSpec,
                    template));
        }
        if (resource.kind().equals(Kinds.WORKLOAD_ENTRY)) {
            return List.of(new Workload(
                    resource, resource.namespace(), Resource.stringMap(resource.at("/spec/labels")), null));
        }
        if (resource.kind().equals(Kinds.ISTIO_OPERATOR)) {
            return operatorGateways(resource);
        }
        return List.of();
    }

    /**
     * Gateways that an IstioOperator installs, with the labels Istio gives them unless overridden: those its
     * components list enables, and the profile's own (default, demo, preview, stable and openshift install
     * istio-ingressgateway; demo also istio-egressgateway) unless the list names that gateway.
     */
    private static List<Workload> operatorGateways(Resource operator) {
        String profile = operator.at("/spec/profile").asText("default");
        boolean ingress =
                Set.of("default", "demo", "preview", "stable", "openshift").contains(profile);
        boolean egress = profile.equals("demo");
        List<Workload> gateways = new ArrayList<>();
        addGateways(operator, "ingressGateways", "istio-ingressgateway", "ingressgateway", ingress, gateways);
        addGateways(operator, "egressGateways", "istio-egressgateway", "egressgateway", egress, gateways);
        return gateways;
    }

    private static void addGateways(
            Resource operator,
            String field,
            String defaultName,
            String istioLabel,
            boolean byProfile,
            List<Workload> into) {
        boolean listed = false;
        for (JsonNode gateway : operator.at("/spec/components/" + field)) {
            String name = gateway.path("name").asText(defaultName);
            listed |= name.equals(defaultName);
            // A listed gateway without "enabled" keeps what the profile says of it.
            if (gateway.path("enabled").asBoolean(byProfile && name.equals(defaultName))) {
                into.add(gateway(operator, name, istioLabel, gateway));
            }
        }
        if (byProfile && !listed) {
            into.add(gateway(operator, defaultName, istioLabel, MissingNode.getInstance()));
        }
    }

    private static Workload gateway(Resource operator, String name, String istioLabel, JsonNode component) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", name);
        labels.put("istio", istioLabel);
        labels.putAll(Resource.stringMap(component.path("label")));
        String namespace =
                component.path("namespace").asText(operator.namespaceWritten() ? operator.namespace() : "istio-system");
        return new Workload(operator, namespace, labels, null);
    }
}
