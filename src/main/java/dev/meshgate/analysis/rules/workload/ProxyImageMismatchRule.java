package dev.meshgate.analysis.rules.workload;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.mesh.InjectorConfig;
import dev.meshgate.manifest.Resource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pods of an injected namespace whose istio-proxy runs another image than the one the input's sidecar injector
 * configuration gives for the namespace's revision (IST0158, on the Namespace): pods left from before an upgrade, or
 * manifests with a pinned proxy written into them. A variant of the image (distroless, debug: the image with a
 * "-variant" suffix) matches, and a pod that asks for its own image (sidecar.istio.io/proxyImage) is left alone.
 */
public final class ProxyImageMismatchRule implements Rule {

    private static final String PROXY_IMAGE = "sidecar.istio.io/proxyImage";

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "workload-proxy-image-mismatch",
                "Pods run the proxy image of the injector configuration",
                Set.of(Message.IST0158),
                Set.of(Kinds.POD, Kinds.NAMESPACE, Kinds.CONFIG_MAP));
    }

    @Override
    public void check(Context context) {
        if (InjectorConfig.all(context.index()).isEmpty()) {
            return;
        }
        Map<String, Set<String>> mismatched = new TreeMap<>();
        context.forEach(Kinds.POD, pod -> {
            if (!pod.annotations().getOrDefault(PROXY_IMAGE, "").isEmpty()) {
                return;
            }
            Optional<String> expected = revision(context, pod.namespace())
                    .flatMap(revision -> InjectorConfig.of(context.index(), revision))
                    .flatMap(InjectorConfig::proxyImage);
            Optional<ProxyContainer> proxy = ProxyContainer.of(pod.at("/spec"), "/spec");
            if (expected.isPresent()
                    && proxy.isPresent()
                    && !matches(proxy.get().image(), expected.get())) {
                mismatched
                        .computeIfAbsent(pod.namespace(), ns -> new TreeSet<>())
                        .add(pod.name());
            }
        });
        mismatched.forEach((namespace, pods) -> SidecarInjection.namespace(context.index(), namespace)
                .ifPresent(
                        object -> context.report(Message.IST0158, object, "/metadata/name", String.join(", ", pods))));
    }

    /** The revision that injects the namespace ("default" for istio-injection=enabled), if its Namespace does. */
    private static Optional<String> revision(Context context, String namespace) {
        Optional<Resource> object = SidecarInjection.namespace(context.index(), namespace);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> labels = object.get().labels();
        if (labels.containsKey("istio.io/rev")) {
            return Optional.of(labels.get("istio.io/rev"));
        }
        return "enabled".equals(labels.get("istio-injection")) ? Optional.of("default") : Optional.empty();
    }

    private static boolean matches(String image, String expected) {
        return image.equals(expected) || image.startsWith(expected + "-");
    }
}
