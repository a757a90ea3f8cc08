package dev.meshgate.analysis.rules.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.JsonPointer;
import dev.meshgate.manifest.Resource;
import java.util.Set;

/**
 * Numbers outside the range Istio accepts: fault and mirror percentages (0..100), retry attempts (not negative),
 * abort HTTP status (200..599), outlier detection percentages (0..100).
 */
public final class ValueRangeRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "networking-value-ranges",
                "Percentages, attempts and status codes are in range",
                Set.of(Message.MG1111),
                Set.of(Kinds.VIRTUAL_SERVICE, Kinds.DESTINATION_RULE));
    }

    @Override
    public void check(Context context) {
        context.onEach(
                Kinds.VIRTUAL_SERVICE,
                vs -> HttpRoutes.each(vs, (route, pointer) -> {
                    range(context, vs, route, pointer, "/fault/abort/percentage/value", 0, 100);
                    range(context, vs, route, pointer, "/fault/delay/percentage/value", 0, 100);
                    range(context, vs, route, pointer, "/fault/abort/httpStatus", 200, 599);
                    range(context, vs, route, pointer, "/mirrorPercentage/value", 0, 100);
                    range(context, vs, route, pointer, "/retries/attempts", 0, Integer.MAX_VALUE);
                    Elements.each(
                            route.path("mirrors"),
                            pointer + "/mirrors",
                            (mirror, mirrorPointer) ->
                                    range(context, vs, mirror, mirrorPointer, "/percentage/value", 0, 100));
                }));
        context.onEach(
                Kinds.DESTINATION_RULE,
                dr -> TrafficPolicies.each(dr, (policy, pointer) -> {
                    range(context, dr, policy, pointer, "/outlierDetection/maxEjectionPercent", 0, 100);
                    range(context, dr, policy, pointer, "/outlierDetection/minHealthPercent", 0, 100);
                }));
    }

    /** Checks the number at a field below a node; the field's full pointer is only built for a finding. */
    private static void range(
            Context context, Resource resource, JsonNode node, String base, String field, double min, double max) {
        JsonNode value = node.at(JsonPointer.compiled(field));
        if (value.isNumber() && (value.asDouble() < min || value.asDouble() > max)) {
            String pointer = base + field;
            String allowed = max == Integer.MAX_VALUE
                    ? "must not be negative"
                    : "must be between " + (long) min + " and " + (long) max;
            context.report(
                    Message.MG1111, resource, pointer, JsonPointer.readable(pointer), value.asText() + " " + allowed);
        }
    }
}
