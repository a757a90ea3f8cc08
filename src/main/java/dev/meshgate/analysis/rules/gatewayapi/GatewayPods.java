package dev.meshgate.analysis.rules.gatewayapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.manifest.Resource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labels of the pods Istio's Gateway controller deploys for a Kubernetes Gateway of one of its classes: the
 * Gateway's {@code spec.infrastructure.labels} (else its own labels), then the labels the controller sets itself.
 * Gateways of other classes, and those bound to an existing Service by a Hostname address, get no pods from Istio.
 */
final class GatewayPods {

    static final String GATEWAY_NAME = "gateway.networking.k8s.io/gateway-name";

    /** The classes Istio installs, each managed by a controller that deploys the gateway. */
    private static final Set<String> BUILT_IN_CLASSES = Set.of("istio", "istio-waypoint", "istio-east-west");

    private static final String CONTROLLER_PREFIX = "istio.io/";
    private static final String UNMANAGED_CONTROLLER = "istio.io/unmanaged-gateway";

    private GatewayPods() {}

    /**
     * Whether Istio deploys pods for the Gateway; {@code classes} are the input's GatewayClasses, which may give
     * Istio's controllers other class names.
     */
    static boolean deployedByIstio(Resource gateway, List<Resource> classes) {
        for (JsonNode address : gateway.at("/spec/addresses")) {
            if (address.path("type").asText("IPAddress").equals("Hostname")) {
                return false;
            }
        }
        String className = gateway.at("/spec/gatewayClassName").asText("");
        for (Resource gatewayClass : classes) {
            if (gatewayClass.name().equals(className)) {
                String controller = gatewayClass.at("/spec/controllerName").asText("");
                return controller.startsWith(CONTROLLER_PREFIX) && !controller.equals(UNMANAGED_CONTROLLER);
            }
        }
        return BUILT_IN_CLASSES.contains(className);
    }

    /** The labels of the Gateway's pods. */
    static Map<String, String> labels(Resource gateway) {
        Map<String, String> labels = new HashMap<>();
        JsonNode infrastructure = gateway.at("/spec/infrastructure/labels");
        Map<String, String> base = infrastructure.isObject() ? Resource.stringMap(infrastructure) : gateway.labels();
        base.forEach((key, value) -> {
            if (!key.startsWith("gateway.networking.k8s.io/")) {
                labels.put(key, value);
            }
        });
        String className = gateway.at("/spec/gatewayClassName").asText("");
        labels.put("sidecar.istio.io/inject", "false");
        labels.put("service.istio.io/canonical-name", gateway.name() + "-" + className);
        labels.put("service.istio.io/canonical-revision", "latest");
        labels.put(GATEWAY_NAME, gateway.name());
        labels.put("gateway.networking.k8s.io/gateway-class-name", className);
        labels.put("gateway.istio.io/managed", "istio.io-gateway-controller");
        return labels;
    }
}
