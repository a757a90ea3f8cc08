package dev.meshgate.analysis.rules.virtualservice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.List;

/** The gateways a VirtualService names, in spec.gateways and in route matches, resolved to "namespace/name" or "mesh". */
public final class VirtualServiceGateways {

    /** The gateway a VirtualService binds to by default and the name of the sidecars' pseudo-gateway. */
    public static final String MESH = "mesh";

    /**
     * One gateway reference with where it is written; {@code relative} when written without a namespace, so that it
     * names a Gateway in the VirtualService's own namespace.
     */
    public record Reference(String qualifiedName, String pointer, boolean relative) {

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

    private VirtualServiceGateways() {}

    /** The gateways of spec.gateways; "mesh" alone when the field is empty, as Istio defaults it. */
    public static List<Reference> bound(Resource vs) {
        List<Reference> references = new ArrayList<>();
        collect(vs, vs.at("/spec/gateways"), "/spec/gateways", references);
        if (references.isEmpty()) {
            references.add(new Reference(MESH, "/spec/hosts", false));
        }
        return references;
    }

    /** Every gateway named anywhere: spec.gateways and the gateways of HTTP, TCP and TLS route matches. */
    public static List<Reference> named(Resource vs) {
        List<Reference> references = new ArrayList<>();
        collect(vs, vs.at("/spec/gateways"), "/spec/gateways", references);
        for (String routes : List.of("http", "tcp", "tls")) {
            Elements.each(
                    vs.at("/spec/" + routes),
                    "/spec/" + routes,
                    (route, routePointer) -> Elements.each(
                            route.path("match"),
                            routePointer + "/match",
                            (match, pointer) ->
                                    collect(vs, match.path("gateways"), pointer + "/gateways", references)));
        }
        return references;
    }

    private static void collect(Resource vs, JsonNode gateways, String pointer, List<Reference> into) {
        Elements.each(gateways, pointer, (gateway, gatewayPointer) -> {
            String name = gateway.asText("");
            if (!name.isEmpty()) {
                into.add(new Reference(qualify(name, vs.namespace()), gatewayPointer, name.indexOf('/') < 0));
            }
        });
    }

    private static String qualify(String name, String namespace) {
        if (name.equals(MESH) || name.indexOf('/') >= 0) {
            return name;
        }
        return namespace + "/" + name;
    }
}
