package dev.meshgate.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.manifest.Resource;
import java.util.Map;

/**
 * Something that runs pods with labels: a workload's pod template, a Pod, a gateway declared in an IstioOperator or a
 * WorkloadEntry. A Git repository has no running pods, so selectors are matched against these.
 *
 * @param source the resource that declares it
 * @param namespace where its pods run
 * @param labels the pod labels
 * @param podSpecPointer JSON pointer of the pod spec inside the source, null when there is none
 */
public record Workload(Resource source, String namespace, Map<String, String> labels, String podSpecPointer) {

    /** The pod spec, MissingNode when the workload has none. */
    public JsonNode podSpec() {
        return podSpecPointer == null
                ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : source.at(podSpecPointer);
    }

    /** The pod template's annotations (where Istio's per-pod proxy settings live). */
    public Map<String, String> podAnnotations() {
        if (podSpecPointer == null) {
            return Map.of();
        }
        String metadata = podSpecPointer.substring(0, podSpecPointer.lastIndexOf('/')) + "/metadata/annotations";
        return Resource.stringMap(source.at(metadata));
    }

    /** Whether every label of the selector is on this workload (an empty selector selects everything). */
    public boolean matches(Map<String, String> selector) {
        for (Map.Entry<String, String> entry : selector.entrySet()) {
            if (!entry.getValue().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
