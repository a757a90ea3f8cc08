package dev.meshgate.analysis.rules.virtualservice;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.Workload;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A route that matches on a JWT claim (a header match on "@request.auth.claims.NAME" or "...[NAME]") at a gateway
 * whose pods no RequestAuthentication selects (in their namespace or the root namespace): no token is validated, so
 * the claims never exist and the route never matches (IST0149). Judged only for gateway workloads of the input.
 */
public final class JwtClaimRoutingRule implements Rule {

    private static final String CLAIMS = "@request.auth.claims";

    private record Claim(String key, String pointer) {}

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "virtualservice-jwt-claim-routing",
                "Routes on JWT claims run at gateways that validate the token",
                Set.of(Message.IST0149),
                Kinds.withWorkloads(Kinds.VIRTUAL_SERVICE, Kinds.GATEWAY, Kinds.REQUEST_AUTHENTICATION));
    }

    @Override
    public void check(Context context) {
        Map<String, List<Map<String, String>>> selectorsByNamespace = new HashMap<>();
        context.forEach(Kinds.REQUEST_AUTHENTICATION, authentication -> selectorsByNamespace
                .computeIfAbsent(authentication.namespace(), ns -> new ArrayList<>())
                .add(Resource.stringMap(authentication.at("/spec/selector/matchLabels"))));
        String root = context.settings().rootNamespace();
        context.onEach(Kinds.VIRTUAL_SERVICE, vs -> claim(vs).ifPresent(claim -> {
            for (VirtualServiceGateways.Reference reference : VirtualServiceGateways.bound(vs)) {
                if (reference.isMesh()) {
                    continue;
                }
                Optional<Resource> gateway =
                        context.index().find(Kinds.GATEWAY, reference.namespace(), reference.name());
                if (gateway.isEmpty()) {
                    continue;
                }
                Map<String, String> selector = Resource.stringMap(gateway.get().at("/spec/selector"));
                for (Workload workload : context.index().workloads(null, selector)) {
                    List<Map<String, String>> candidates =
                            new ArrayList<>(selectorsByNamespace.getOrDefault(root, List.of()));
                    if (!workload.namespace().equals(root)) {
                        candidates.addAll(selectorsByNamespace.getOrDefault(workload.namespace(), List.of()));
                    }
                    if (candidates.stream().noneMatch(workload::matches)) {
                        context.report(
                                Message.IST0149,
                                vs,
                                claim.pointer(),
                                claim.key(),
                                reference.qualifiedName(),
                                workload.source().name());
                    }
                }
            }
        }));
    }

    /** The first header match of the VirtualService on a JWT claim. */
    private static Optional<Claim> claim(Resource vs) {
        List<Claim> found = new ArrayList<>();
        Elements.each(
                vs.at("/spec/http"),
                "/spec/http",
                (route, routePointer) ->
                        Elements.each(route.path("match"), routePointer + "/match", (match, matchPointer) -> {
                            for (String field : List.of("headers", "withoutHeaders")) {
                                Elements.entries(
                                        match.path(field), matchPointer + "/" + field, (key, value, pointer) -> {
                                            if (isClaim(key)) {
                                                found.add(new Claim(key, pointer));
                                            }
                                        });
                            }
                        }));
        return found.stream().findFirst();
    }

    private static boolean isClaim(String header) {
        if (!header.toLowerCase(Locale.ROOT).startsWith(CLAIMS)) {
            return false;
        }
        String rest = header.substring(CLAIMS.length());
        return rest.startsWith(".") && rest.length() > 1
                || rest.startsWith("[") && rest.endsWith("]") && rest.length() > 2;
    }
}
