package dev.meshgate.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
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
 * @param podTemplate the node holding the pod's metadata and spec (the Pod itself, or a pod template), found once
 *     when the index is built so that rules do not walk the resource from its root again; MissingNode when none
 */
public record Workload(
        Resource source, String namespace, Map<String, String> labels, String podSpecPointer, JsonNode podTemplate) {

    /** A workload whose pod template is looked up from its pointer, once. */
    public Workload(Resource source, String namespace, Map<String, String> labels, String podSpecPointer) {
        this(source, namespace, labels, podSpecPointer, template(source, podSpecPointer));
    }

    private static JsonNode template(Resource source, String podSpecPointer) {
        return podSpecPointer == null
                ? MissingNode.getInstance()
                : source.at(podSpecPointer.substring(0, podSpecPointer.lastIndexOf('/')));
    }

    /** The pod spec, MissingNode when the workload has none. */
    public JsonNode podSpec() {
        return podTemplate.path("spec");
    }

    /** The pod template's annotations (where Istio's per-pod proxy settings live). */
    public Map<String, String> podAnnotations() {
        return Resource.stringMap(podTemplate.path("metadata").path("annotations"));
    }

    /** One annotation of the pod template, as {@link #podAnnotations} holds it; null when absent. */
    public String podAnnotation(String name) {
        return Resource.stringValue(podTemplate.path("metadata").path("annotations"), name);
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

    // The template node is the source's own, so it is left out: comparing or hashing trees would be slow.
    @Override
    public boolean equals(Object other) {
        return other instanceof Workload that
                && that.source == source
                && that.namespace.equals(namespace)
                && that.labels.equals(labels)
                && java.util.Objects.equals(that.podSpecPointer, podSpecPointer);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(System.identityHashCode(source), namespace, labels, podSpecPointer);
    }
}
