package dev.meshgate.analysis.rules.virtualservice;

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

    /**
     * One destination and where it is written: {@code spec.<protocol>[route].<field>[index].destination}, or
     * {@code spec.http[route].mirror} when index is negative. The pointer is only built when a rule asks for it.
     */
    public record Located(Destination destination, String protocol, int route, String field, int index, Use use) {

        /** The JSON pointer of the destination object (or of the mirror object). */
        public String pointer() {
            String base = "/spec/" + protocol + "/" + route + "/" + field;
            return index < 0 ? base : base + "/" + index + "/destination";
        }
    }

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
            if (route == null) {
                continue;
            }
            List<HTTPRouteDestination> destinations = nonNull(route.getRoute());
            for (int j = 0; j < destinations.size(); j++) {
                HTTPRouteDestination destination = destinations.get(j);
                if (destination != null) {
                    visit(new Located(destination.getDestination(), "http", i, "route", j, Use.ROUTE), visitor);
                }
            }
            visit(new Located(route.getMirror(), "http", i, "mirror", -1, Use.MIRROR), visitor);
            List<HTTPMirrorPolicy> mirrors = nonNull(route.getMirrors());
            for (int j = 0; j < mirrors.size(); j++) {
                HTTPMirrorPolicy mirror = mirrors.get(j);
                if (mirror != null) {
                    visit(new Located(mirror.getDestination(), "http", i, "mirrors", j, Use.MIRROR), visitor);
                }
            }
        }
        List<TCPRoute> tcp = nonNull(spec.getTcp());
        for (int i = 0; i < tcp.size(); i++) {
            if (tcp.get(i) != null) {
                visitRoutes(nonNull(tcp.get(i).getRoute()), "tcp", i, visitor);
            }
        }
        List<TLSRoute> tls = nonNull(spec.getTls());
        for (int i = 0; i < tls.size(); i++) {
            if (tls.get(i) != null) {
                visitRoutes(nonNull(tls.get(i).getRoute()), "tls", i, visitor);
            }
        }
    }

    private static void visitRoutes(List<RouteDestination> routes, String protocol, int route, Visitor visitor) {
        for (int j = 0; j < routes.size(); j++) {
            if (routes.get(j) != null) {
                visit(new Located(routes.get(j).getDestination(), protocol, route, "route", j, Use.ROUTE), visitor);
            }
        }
    }

    private static void visit(Located located, Visitor visitor) {
        if (located.destination() != null) {
            visitor.visit(located);
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
