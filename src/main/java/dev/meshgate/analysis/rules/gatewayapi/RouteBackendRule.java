package dev.meshgate.analysis.rules.gatewayapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.Resource;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The Services a route sends traffic to (backendRefs, mirror backends) and the Services a mesh route attaches to
 * (Service parentRefs) exist with the port named (MG2103; Kiali's KIA1402), and a backend in another namespace is
 * permitted by a ReferenceGrant there (MG2104). A Service or a grant in a namespace the input does not manage is
 * unverified (MG2003), not missing.
 */
public final class RouteBackendRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "gatewayapi-route-backends",
                "Every Service a route names exists with its port, and a cross-namespace backend has a ReferenceGrant",
                Set.of(Message.MG2103, Message.MG2104, Message.MG2003),
                Kinds.union(Kinds.ROUTES, Set.of(Kinds.SERVICE, Kinds.REFERENCE_GRANT)));
    }

    @Override
    public void check(Context context) {
        ReferenceGrants grants = new ReferenceGrants(context.index().ofKind(Kinds.REFERENCE_GRANT));
        for (var kind : Kinds.ROUTES) {
            context.onEach(kind, route -> {
                for (ParentRef parent : ParentRef.of(route)) {
                    if (parent.isService() && !parent.name().isEmpty()) {
                        service(context, route, parent.namespace(), parent.name(), parent.port(), parent.pointer());
                    }
                }
                BackendRef.forEach(route, backend -> {
                    if (backend.isService() && !backend.name().isEmpty()) {
                        backend(context, grants, route, backend);
                    }
                });
            });
        }
    }

    private static void backend(Context context, ReferenceGrants grants, Resource route, BackendRef backend) {
        if (grants.permitsOrReport(
                context, route, backend.pointer() + "/namespace", "Service", backend.namespace(), backend.name())) {
            service(context, route, backend.namespace(), backend.name(), backend.port(), backend.pointer());
        }
    }

    private static void service(
            Context context, Resource route, String namespace, String name, OptionalInt port, String pointer) {
        String fqdn = name + "." + namespace + ".svc." + context.settings().clusterDomain();
        Optional<Resource> service = context.index().service(fqdn);
        if (service.isEmpty()) {
            context.unresolved(
                    route,
                    pointer + "/name",
                    Reference.in(namespace, Reference.Target.HOST, fqdn),
                    Message.MG2103,
                    "Service \"" + name + "\" in namespace " + namespace);
            return;
        }
        if (port.isPresent() && !exposes(service.get(), port.getAsInt())) {
            context.report(
                    Message.MG2103,
                    route,
                    pointer + "/port",
                    "port " + port.getAsInt() + " of Service " + namespace + "/" + name);
        }
    }

    private static boolean exposes(Resource service, int port) {
        for (JsonNode servicePort : service.at("/spec/ports")) {
            if (servicePort.path("port").asInt(-1) == port) {
                return true;
            }
        }
        return false;
    }
}
