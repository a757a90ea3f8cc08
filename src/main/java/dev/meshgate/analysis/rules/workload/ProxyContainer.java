package dev.meshgate.analysis.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The istio-proxy container of a pod spec: a sidecar written in the spec (by istioctl kube-inject, or as custom
 * injection's overrides), or injected into a running pod; among init containers when it runs as a native sidecar.
 *
 * @param container the container as written
 * @param pointer where it is written, from the pod spec's pointer
 */
record ProxyContainer(JsonNode container, String pointer) {

    static final String NAME = "istio-proxy";

    /** The pod spec's istio-proxy container (containers first, then init containers), if it has one. */
    static Optional<ProxyContainer> of(JsonNode podSpec, String podSpecPointer) {
        for (String list : new String[] {"containers", "initContainers"}) {
            JsonNode containers = podSpec.path(list);
            if (!containers.isArray()) {
                continue;
            }
            for (int i = 0; i < containers.size(); i++) {
                if (containers.get(i).path("name").asText("").equals(NAME)) {
                    return Optional.of(new ProxyContainer(containers.get(i), podSpecPointer + "/" + list + "/" + i));
                }
            }
        }
        return Optional.empty();
    }

    /** The container's image as written ("" when none). */
    String image() {
        return container.path("image").asText("");
    }
}
