package dev.meshgate.analysis.rules.networking;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import java.util.List;
import java.util.Set;

/**
 * What an HTTP route does: exactly one of route, redirect, directResponse or delegate (MG1110 when none, MG1108 when
 * they are combined), rewrite only with a route, and mirror or mirrors, not both.
 */
public final class HttpRouteActionRule implements Rule {

    private static final List<String> ACTIONS = List.of("route", "redirect", "directResponse", "delegate");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "virtualservice-http-route-action",
                "Each HTTP route has exactly one action",
                Set.of(Message.MG1108, Message.MG1110),
                Set.of(Kinds.VIRTUAL_SERVICE));
    }

    @Override
    public void check(Context context) {
        context.onEach(
                Kinds.VIRTUAL_SERVICE,
                vs -> HttpRoutes.each(vs, (route, pointer) -> {
                    List<String> actions =
                            ACTIONS.stream().filter(route::hasNonNull).toList();
                    if (actions.isEmpty()) {
                        context.report(
                                Message.MG1110,
                                vs,
                                pointer,
                                "an HTTP route needs one of route, redirect, directResponse or delegate");
                    } else if (actions.size() > 1) {
                        context.report(
                                Message.MG1108, vs, pointer + "/" + actions.get(1), String.join(" and ", actions));
                    }
                    if (route.hasNonNull("rewrite")
                            && (route.hasNonNull("redirect") || route.hasNonNull("directResponse"))) {
                        context.report(
                                Message.MG1108,
                                vs,
                                pointer + "/rewrite",
                                "rewrite and " + (route.hasNonNull("redirect") ? "redirect" : "directResponse"));
                    }
                    if (route.hasNonNull("mirror") && route.hasNonNull("mirrors")) {
                        context.report(Message.MG1108, vs, pointer + "/mirrors", "mirror and mirrors");
                    }
                }));
    }
}
