package dev.meshgate.analysis.rules.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.meshgate.analysis.Index;
import dev.meshgate.analysis.IstioModel;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

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

    /** The pointer of a mesh setting in the resource; inside a ConfigMap string, the string itself. */
    public String pointerOf(String setting) {
        return resource.kind().equals(Kinds.CONFIG_MAP) ? pointer : pointer + setting;
    }

    private static JsonNode parse(String yaml) {
        try {
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            return tree == null
                    ? MissingNode.getInstance()
                    : IstioModel.mapper().valueToTree(tree);
        } catch (RuntimeException e) {
            // A mesh string that does not parse is a problem for istiod, not one these rules can judge.
            return MissingNode.getInstance();
        }
    }
}
