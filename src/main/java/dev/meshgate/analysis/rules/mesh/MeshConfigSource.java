package dev.meshgate.analysis.rules.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.meshgate.analysis.Index;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the input defines the mesh-wide configuration: an IstioOperator's spec.meshConfig, or the "istio" ConfigMap
 * in the root namespace, whose data.mesh holds the same settings as a YAML string.
 *
 * @param resource the IstioOperator or ConfigMap
 * @param meshConfig the mesh configuration tree
 * @param pointer where meshConfig is written in the resource
 */
public record MeshConfigSource(Resource resource, JsonNode meshConfig, String pointer) {

    /** Every mesh configuration of the input. */
    public static List<MeshConfigSource> all(Index index) {
        List<MeshConfigSource> sources = new ArrayList<>();
        for (Resource operator : index.ofKind(Kinds.ISTIO_OPERATOR)) {
            sources.add(new MeshConfigSource(operator, operator.at("/spec/meshConfig"), "/spec/meshConfig"));
        }
        index.find(Kinds.CONFIG_MAP, index.settings().rootNamespace(), "istio")
                .ifPresent(configMap -> sources.add(new MeshConfigSource(
                        configMap, parse(configMap.at("/data/mesh").asText("")), "/data/mesh")));
        return sources;
    }

    /**
     * Istio's root namespace, where mesh-wide policies live: the rootNamespace of the input's mesh configuration where
     * it sets one, else the configured one (istio-system by default).
     */
    public static String rootNamespace(Index index) {
        for (MeshConfigSource source : all(index)) {
            String root = source.meshConfig().path("rootNamespace").asText("");
            if (!root.isEmpty()) {
                return root;
            }
        }
        return index.settings().rootNamespace();
    }

    /** The pointer of a mesh setting in the resource; inside a ConfigMap string, the string itself. */
    public String pointerOf(String setting) {
        return resource.kind().equals(Kinds.CONFIG_MAP) ? pointer : pointer + setting;
    }

    /** A settings tree Istio keeps as a YAML (or JSON) string in a ConfigMap; missing when it does not parse. */
    static JsonNode parse(String yaml) {
        // istiod reads the string as Kubernetes reads YAML (sigs.k8s.io/yaml).
        ManifestLoader.YamlTree tree = new ManifestLoader(LoadLimits.defaults(), "default").readDocument("mesh", yaml);
        // A mesh string that does not parse is a problem for istiod, not one these rules can judge.
        return tree.problem() != null || tree.tree().isNull() ? MissingNode.getInstance() : tree.tree();
    }
}
