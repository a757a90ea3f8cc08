package dev.meshgate.analysis.rules.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Durations;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.JsonPointer;
import dev.meshgate.manifest.Resource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Durations the CRDs and Istio require to be well-formed and at least one millisecond: route timeouts, per-try
 * timeouts, retry back-offs, fault delays and CORS max ages; connection pool timeouts and keep-alives of
 * DestinationRules and Sidecars; outlier detection intervals and warm-up durations.
 */
public final class DurationRule implements Rule {

    private static final BigDecimal ONE_MILLISECOND = BigDecimal.ONE;
    private static final List<String> ROUTE_DURATIONS = List.of(
            "/timeout",
            "/retries/perTryTimeout",
            "/retries/backoff",
            "/fault/delay/fixedDelay",
            "/fault/delay/exponentialDelay",
            "/corsPolicy/maxAge");
    private static final List<String> CONNECTION_POOL_DURATIONS = List.of(
            "/tcp/connectTimeout",
            "/tcp/maxConnectionDuration",
            "/tcp/tcpKeepalive/time",
            "/tcp/tcpKeepalive/interval",
            "/http/idleTimeout",
            "/http/http2KeepAlive/interval",
            "/http/http2KeepAlive/timeout");
    private static final List<String> POLICY_DURATIONS = Stream.concat(
                    CONNECTION_POOL_DURATIONS.stream().map(field -> "/connectionPool" + field),
                    Stream.of(
                            "/outlierDetection/interval",
                            "/outlierDetection/baseEjectionTime",
                            "/loadBalancer/warmupDurationSecs"))
            .toList();

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "networking-durations",
                "Durations are well-formed and at least 1ms",
                Set.of(Message.MG1103),
                Set.of(Kinds.VIRTUAL_SERVICE, Kinds.DESTINATION_RULE, Kinds.SIDECAR));
    }

    @Override
    public void check(Context context) {
        context.onEach(
                Kinds.VIRTUAL_SERVICE,
                vs -> HttpRoutes.each(vs, (route, pointer) -> checkAll(context, vs, route, pointer, ROUTE_DURATIONS)));
        context.onEach(
                Kinds.DESTINATION_RULE,
                dr -> TrafficPolicies.each(
                        dr, (policy, pointer) -> checkAll(context, dr, policy, pointer, POLICY_DURATIONS)));
        context.onEach(Kinds.SIDECAR, sidecar -> {
            checkAll(
                    context,
                    sidecar,
                    sidecar.at("/spec/inboundConnectionPool"),
                    "/spec/inboundConnectionPool",
                    CONNECTION_POOL_DURATIONS);
            Elements.each(
                    sidecar.at("/spec/ingress"),
                    "/spec/ingress",
                    (listener, pointer) -> checkAll(
                            context,
                            sidecar,
                            listener.path("connectionPool"),
                            pointer + "/connectionPool",
                            CONNECTION_POOL_DURATIONS));
        });
    }

    private static void checkAll(Context context, Resource resource, JsonNode node, String base, List<String> fields) {
        for (String field : fields) {
            JsonNode value = node.at(JsonPointer.compiled(field));
            if (value.isTextual()) {
                String pointer = base + field;
                Durations.problem(value.asText(), ONE_MILLISECOND)
                        .ifPresent(problem -> context.report(
                                Message.MG1103,
                                resource,
                                pointer,
                                JsonPointer.readable(pointer),
                                value.asText(),
                                problem));
            }
        }
    }
}
