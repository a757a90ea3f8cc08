package dev.meshgate.analysis.rules.gatewayapi;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A route's parentRefs name Gateways that exist, listeners of them ({@code sectionName}, {@code port}) that exist,
 * and listeners that let the route attach (MG2101, MG2102; Kiali's KIA1401). A Gateway in a namespace the input does
 * not manage (a shared gateway installed with the platform) is unverified (MG2003), not missing; so is a listener
 * whose namespace selector asks about labels of a Namespace the input does not hold.
 */
public final class RouteParentRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "gatewayapi-route-parents",
                "Every Gateway parentRef of a route names a Gateway and listeners that exist and admit the route",
                Set.of(Message.MG2101, Message.MG2102, Message.MG2003),
                Kinds.union(Kinds.ROUTES, Set.of(Kinds.KUBERNETES_GATEWAY, Kinds.NAMESPACE)));
    }

    @Override
    public void check(Context context) {
        for (var kind : Kinds.ROUTES) {
            context.onEach(kind, route -> {
                for (ParentRef parent : ParentRef.of(route)) {
                    if (parent.isGateway() && !parent.name().isEmpty()) {
                        check(context, route, parent);
                    }
                }
            });
        }
    }

    private static void check(Context context, Resource route, ParentRef parent) {
        Optional<Resource> gateway = context.index().find(Kinds.KUBERNETES_GATEWAY, parent.namespace(), parent.name());
        if (gateway.isEmpty()) {
            context.unresolved(
                    route,
                    parent.pointer() + "/name",
                    Reference.in(parent.namespace(), Reference.Target.KUBERNETES_GATEWAY, parent.qualifiedName()),
                    Message.MG2101,
                    "Gateway",
                    parent.qualifiedName());
            return;
        }
        List<Listener> listeners = Listener.of(gateway.get());
        List<Listener> named = listeners.stream()
                .filter(listener ->
                        parent.sectionName().isEmpty() || listener.name().equals(parent.sectionName()))
                .filter(listener -> parent.port().isEmpty()
                        || listener.port() == parent.port().getAsInt())
                .toList();
        if (named.isEmpty()) {
            context.report(
                    Message.MG2101,
                    route,
                    parent.pointer() + (parent.sectionName().isEmpty() ? "/port" : "/sectionName"),
                    "listener",
                    wanted(parent) + " of Gateway " + parent.qualifiedName() + " (its listeners: "
                            + listeners.stream()
                                    .map(l -> l.name() + " port " + l.port())
                                    .toList() + ")");
            return;
        }
        List<String> reasons = new ArrayList<>();
        for (Listener listener : named) {
            Admission admission = ListenerAdmission.of(
                    listener, gateway.get(), route, name -> context.index().find(Kinds.NAMESPACE, "", name));
            if (!admission.refused()) {
                return;
            }
            reasons.add(admission.reason());
        }
        context.report(Message.MG2102, route, parent.pointer(), parent.qualifiedName(), String.join("; ", reasons));
    }

    private static String wanted(ParentRef parent) {
        List<String> parts = new ArrayList<>();
        if (!parent.sectionName().isEmpty()) {
            parts.add("sectionName " + parent.sectionName());
        }
        parent.port().ifPresent(port -> parts.add("port " + port));
        return String.join(" and ", parts);
    }
}
