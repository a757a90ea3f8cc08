package dev.meshgate.analysis.rules.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Index;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sidecar injector's configuration of one control-plane revision, as the input holds it: the
 * istio-sidecar-injector ConfigMap (istio-sidecar-injector-REVISION for a revision) whose data.values is the JSON of
 * the Helm values the injector applies.
 *
 * @param configMap the ConfigMap
 * @param values the values tree (missing when data.values is absent or does not parse)
 */
public record InjectorConfig(Resource configMap, JsonNode values) {

    private static final String NAME = "istio-sidecar-injector";

    /** The injector configuration of a revision ("" or "default" for the default one), from any namespace. */
    public static Optional<InjectorConfig> of(Index index, String revision) {
        String name = revision.isEmpty() || revision.equals("default") ? NAME : NAME + "-" + revision;
        List<Resource> found = index.namedInAnyNamespace(Kinds.CONFIG_MAP, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(read(found.get(0)));
    }

    /** Every injector configuration of the input (ConfigMaps named istio-sidecar-injector*). */
    public static List<InjectorConfig> all(Index index) {
        List<InjectorConfig> configs = new ArrayList<>();
        for (Resource configMap : index.ofKind(Kinds.CONFIG_MAP)) {
            if (configMap.name().startsWith(NAME)) {
                configs.add(read(configMap));
            }
        }
        return configs;
    }

    private static InjectorConfig read(Resource configMap) {
        return new InjectorConfig(
                configMap, MeshConfigSource.parse(configMap.at("/data/values").asText("")));
    }

    /** Whether the injector injects namespaces that carry no injection label. */
    public boolean injectsNamespacesByDefault() {
        return values.path("sidecarInjectorWebhook")
                .path("enableNamespacesByDefault")
                .asBoolean(false);
    }

    /**
     * The proxy image the injector gives sidecars: global.proxy.image when it is a full reference (holds a '/'),
     * else hub/image:tag, as the injection template builds it; empty when the values do not say.
     */
    public Optional<String> proxyImage() {
        JsonNode global = values.path("global");
        String image = global.path("proxy").path("image").asText("");
        if (image.isEmpty()) {
            return Optional.empty();
        }
        if (image.contains("/")) {
            return Optional.of(image);
        }
        String hub = global.path("hub").asText("");
        String tag = global.path("tag").asText("");
        return hub.isEmpty() || tag.isEmpty() ? Optional.empty() : Optional.of(hub + "/" + image + ":" + tag);
    }
}
