package dev.meshgate.analysis.rules.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Durations;
import dev.meshgate.manifest.JsonPointer;
import dev.meshgate.manifest.Resource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Durations Istio requires to be well-formed and at least one millisecond: route timeouts, per-try timeouts, fault
 * delays, connection timeouts, idle timeouts and outlier detection intervals.
 */
public final class DurationRule implements Rule {

    private static final BigDecimal ONE_MILLISECOND = BigDecimal.ONE;
    private static final List<String> ROUTE_DURATIONS =
            List.of("/timeout", "/retries/perTryTimeout", "/fault/delay/fixedDelay");
    private static final List<String> POLICY_DURATIONS = List.of(
            "/connectionPool/tcp/connectTimeout",
            "/connectionPool/http/idleTimeout",
            "/outlierDetection/interval",
            "/outlierDetection/baseEjectionTime");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "networking-durations",
                "Durations are well-formed and at least 1ms",
                Set.of(Message.MG1103),
                Set.of(Kinds.VIRTUAL_SERVICE, Kinds.DESTINATION_RULE));
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
