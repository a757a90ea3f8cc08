package dev.meshgate.analysis.rules.virtualservice;

import dev.meshgate.manifest.JsonPointer;
import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMirrorPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.RouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.TCPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import java.util.List;

/** Walks every destination of a VirtualService (HTTP, TCP and TLS routes, mirrors) through one loop. */
public final class VirtualServiceDestinations {

    /** Where a destination is used: a weighted route or a mirror. */
    public enum Use {
        ROUTE,
        MIRROR
    }

    /** One destination with the JSON pointer of its {@code destination} object (or of the mirror object). */
    public record Located(Destination destination, String pointer, Use use) {}

    /** Receives each destination. */
    @FunctionalInterface
    public interface Visitor {
        void visit(Located destination);
    }

    private VirtualServiceDestinations() {}

    public static void forEach(VirtualService spec, Visitor visitor) {
        List<HTTPRoute> http = nonNull(spec.getHttp());
        for (int i = 0; i < http.size(); i++) {
            HTTPRoute route = http.get(i);
            String routePointer = JsonPointer.of("spec", "http", i);
            List<HTTPRouteDestination> destinations = nonNull(route.getRoute());
            for (int j = 0; j < destinations.size(); j++) {
                visit(
                        destinations.get(j).getDestination(),
                        routePointer + "/route/" + j + "/destination",
                        Use.ROUTE,
                        visitor);
            }
            visit(route.getMirror(), routePointer + "/mirror", Use.MIRROR, visitor);
            List<HTTPMirrorPolicy> mirrors = nonNull(route.getMirrors());
            for (int j = 0; j < mirrors.size(); j++) {
                visit(
                        mirrors.get(j).getDestination(),
                        routePointer + "/mirrors/" + j + "/destination",
                        Use.MIRROR,
                        visitor);
            }
        }
        List<TCPRoute> tcp = nonNull(spec.getTcp());
        for (int i = 0; i < tcp.size(); i++) {
            visitRoutes(nonNull(tcp.get(i).getRoute()), JsonPointer.of("spec", "tcp", i), visitor);
        }
        List<TLSRoute> tls = nonNull(spec.getTls());
        for (int i = 0; i < tls.size(); i++) {
            visitRoutes(nonNull(tls.get(i).getRoute()), JsonPointer.of("spec", "tls", i), visitor);
        }
    }

    private static void visitRoutes(List<RouteDestination> routes, String pointer, Visitor visitor) {
        for (int j = 0; j < routes.size(); j++) {
            visit(routes.get(j).getDestination(), pointer + "/route/" + j + "/destination", Use.ROUTE, visitor);
        }
    }

    private static void visit(Destination destination, String pointer, Use use, Visitor visitor) {
        if (destination != null) {
            visitor.visit(new Located(destination, pointer, use));
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
