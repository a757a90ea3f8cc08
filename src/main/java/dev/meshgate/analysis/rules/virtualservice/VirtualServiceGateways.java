package dev.meshgate.analysis.rules.virtualservice;

import dev.meshgate.manifest.JsonPointer;
import dev.meshgate.manifest.Resource;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The gateways a VirtualService names, in spec.gateways and in route matches, resolved to "namespace/name" or "mesh". */
public final class VirtualServiceGateways {

    /** The gateway a VirtualService binds to by default and the name of the sidecars' pseudo-gateway. */
    public static final String MESH = "mesh";

    /** One gateway reference with where it is written. */
    public record Reference(String qualifiedName, String pointer) {

        public boolean isMesh() {
            return MESH.equals(qualifiedName);
        }

        public String namespace() {
            return qualifiedName.substring(0, qualifiedName.indexOf('/'));
        }

        public String name() {
            return qualifiedName.substring(qualifiedName.indexOf('/') + 1);
        }
    }

    private VirtualServiceGateways() {
    }

    /** The gateways of spec.gateways; "mesh" alone when the field is empty, as Istio defaults it. */
    public static List<Reference> bound(Resource vs) {
        List<Reference> references = new ArrayList<>();
        collect(vs, vs.at("/spec/gateways"), "/spec/gateways", references);
        if (references.isEmpty()) {
            references.add(new Reference(MESH, "/spec/hosts"));
        }
        return references;
    }

    /** Every gateway named anywhere: spec.gateways and the gateways of HTTP, TCP and TLS route matches. */
    public static List<Reference> named(Resource vs) {
        List<Reference> references = new ArrayList<>();
        collect(vs, vs.at("/spec/gateways"), "/spec/gateways", references);
        for (String routes : List.of("http", "tcp", "tls")) {
            JsonNode list = vs.at("/spec/" + routes);
            for (int i = 0; i < list.size(); i++) {
                JsonNode matches = list.get(i).path("match");
                for (int j = 0; j < matches.size(); j++) {
                    collect(vs, matches.get(j).path("gateways"),
                            JsonPointer.of("spec", routes, i, "match", j, "gateways"), references);
                }
            }
        }
        return references;
    }

    private static void collect(Resource vs, JsonNode gateways, String pointer, List<Reference> into) {
        for (int i = 0; i < gateways.size(); i++) {
            String name = gateways.get(i).asText("");
            if (!name.isEmpty()) {
                into.add(new Reference(qualify(name, vs.namespace()), pointer + "/" + i));
            }
        }
    }

    private static String qualify(String name, String namespace) {
        if (name.equals(MESH) || name.indexOf('/') >= 0) {
            return name;
        }
        return namespace + "/" + name;
    }
}
