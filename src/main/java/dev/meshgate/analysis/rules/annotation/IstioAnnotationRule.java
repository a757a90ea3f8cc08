package dev.meshgate.analysis.rules.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.Workload;
import dev.meshgate.manifest.JsonPointer;
import dev.meshgate.manifest.Resource;
import java.util.Map;
import java.util.Set;

/**
 * Istio annotations as istioctl's annotation analyzers judge them, on Namespaces, Services, Pods and Deployments, and
 * on every pod template (a repository's stand-in for the pods istioctl reads in a cluster): unknown in an istio.io
 * domain (IST0108), deprecated (IST0135), on a kind it does not apply to (IST0107), a value the injector rejects
 * (IST0125), of an alpha feature (IST0136).
 */
public final class IstioAnnotationRule implements Rule {

    /** Set by Istio itself, never a user's choice. */
    private static final Set<String> IGNORED =
            Set.of("sidecar.istio.io/status", "gateway.istio.io/controller-version", "istio.io/rev");

    /** An alpha annotation Istio's own gateway charts write on every gateway pod: not the user's choice. */
    private static final String GATEWAY_TEMPLATE = "inject.istio.io/templates";

    /**
     * Alpha annotations the injector sets itself on pods that the CNI plugin redirects (no istio-init container); on
     * a pod with istio-init they were written by hand, and worth the note.
     */
    private static final Set<String> SET_BY_INJECTOR_WITH_CNI = Set.of(
            "sidecar.istio.io/interceptionMode",
            "traffic.sidecar.istio.io/includeInboundPorts",
            "traffic.sidecar.istio.io/excludeInboundPorts",
            "traffic.sidecar.istio.io/includeOutboundIPRanges");

    private static final String LEGACY_INJECT = "sidecar.istio.io/inject";

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "istio-annotations",
                "Istio annotations are known, current, on the right kind and with a valid value",
                Set.of(Message.IST0107, Message.IST0108, Message.IST0125, Message.IST0135, Message.IST0136),
                Kinds.union(Kinds.WORKLOADS, Set.of(Kinds.NAMESPACE, Kinds.SERVICE)));
    }

    @Override
    public void check(Context context) {
        for (var kind : Set.of(Kinds.NAMESPACE, Kinds.SERVICE, Kinds.DEPLOYMENT)) {
            context.onEach(
                    kind,
                    resource -> judge(context, resource, kind.kind(), "/metadata", resource.at("/metadata"), false));
        }
        for (Workload workload : context.index().workloads()) {
            String pointer = workload.podSpecPointer();
            if (pointer == null) {
                continue; // an IstioOperator's gateway or a WorkloadEntry: no pod template to annotate
            }
            JsonNode metadata = workload.podTemplate().path("metadata");
            if (metadata.path("annotations").isEmpty()) {
                continue; // most pod templates: nothing to judge, so no pointer is made
            }
            String template = pointer.substring(0, pointer.length() - "/spec".length()) + "/metadata";
            judge(context, workload.source(), "Pod", template, metadata, !hasIstioInit(workload));
        }
    }

    private static boolean hasIstioInit(Workload workload) {
        for (var container : workload.podSpec().path("initContainers")) {
            if ("istio-init".equals(container.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Judges the annotations of the metadata node at the pointer, read as those of the given kind.
     *
     * @param cniPod a pod template without istio-init, whose redirection annotations the injector writes
     */
    private static void judge(
            Context context, Resource resource, String kind, String metadata, JsonNode metadataNode, boolean cniPod) {
        Map<String, String> annotations = Resource.stringMap(metadataNode.path("annotations"));
        if (annotations.isEmpty()) {
            return;
        }
        Map<String, String> labels = Resource.stringMap(metadataNode.path("labels"));
        annotations.forEach((name, value) -> {
            if (!IstioAnnotations.isIstios(name) || IGNORED.contains(name)) {
                return;
            }
            String pointer = JsonPointer.child(metadata + "/annotations", name);
            var definition = IstioAnnotations.find(name);
            if (definition.isEmpty()) {
                context.report(Message.IST0108, resource, pointer, name);
                return;
            }
            IstioAnnotations.Definition known = definition.get();
            if (known.deprecated() && !(name.equals(LEGACY_INJECT) && labels.containsKey(LEGACY_INJECT))) {
                String extra = name.equals(LEGACY_INJECT) ? " in favor of the \"sidecar.istio.io/inject\" label" : "";
                context.report(Message.IST0135, resource, pointer, name, extra);
            }
            if (known.status() == IstioAnnotations.Status.ALPHA
                    && !known.anyKind()
                    && !name.equals(GATEWAY_TEMPLATE)
                    && !(cniPod && SET_BY_INJECTOR_WITH_CNI.contains(name))) {
                context.report(Message.IST0136, resource, pointer, name);
            }
            if (known.anyKind()) {
                return;
            }
            if (!known.kinds().contains(kind)) {
                context.report(Message.IST0107, resource, pointer, name, String.join(", ", known.kinds()));
                return;
            }
            AnnotationValues.problem(name, value)
                    .ifPresent(problem -> context.report(Message.IST0125, resource, pointer, name, problem));
        });
    }
}
