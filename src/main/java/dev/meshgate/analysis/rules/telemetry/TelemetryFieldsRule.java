package dev.meshgate.analysis.rules.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Durations;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.math.BigDecimal;
import java.util.Set;

/**
 * Telemetry fields Istio rejects: metric overrides that are null or match an empty custom metric, tag overrides
 * without a value to UPSERT (the default operation) or with one to REMOVE, tracing custom tags without a name or
 * value, and a reporting interval that is no duration of at least 1ms.
 */
public final class TelemetryFieldsRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "telemetry-fields",
                "Telemetry overrides and custom tags are complete",
                Set.of(Message.MG1103, Message.MG1110, Message.MG1111),
                Set.of(Kinds.TELEMETRY_KIND));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.TELEMETRY_KIND, telemetry -> {
            Elements.each(telemetry.at("/spec/metrics"), "/spec/metrics", (metrics, pointer) -> {
                JsonNode interval = metrics.path("reportingInterval");
                if (interval.isTextual()) {
                    Durations.problem(interval.asText(), BigDecimal.ONE)
                            .ifPresent(problem -> context.report(
                                    Message.MG1103,
                                    telemetry,
                                    pointer + "/reportingInterval",
                                    "reportingInterval",
                                    interval.asText(),
                                    problem));
                }
                Elements.each(
                        metrics.path("overrides"),
                        pointer + "/overrides",
                        (override, at) -> checkOverride(context, telemetry, override, at));
            });
            Elements.each(
                    telemetry.at("/spec/tracing"),
                    "/spec/tracing",
                    (tracing, pointer) -> Elements.entries(
                            tracing.path("customTags"),
                            pointer + "/customTags",
                            (name, tag, at) -> checkCustomTag(context, telemetry, name, tag, at)));
        });
    }

    private static void checkOverride(Context context, Resource telemetry, JsonNode override, String pointer) {
        if (override.isNull()) {
            context.report(Message.MG1110, telemetry, pointer, "metric override (null)");
            return;
        }
        JsonNode custom = override.path("match").path("customMetric");
        if (custom.isTextual() && custom.textValue().isEmpty()) {
            context.report(Message.MG1110, telemetry, pointer + "/match/customMetric", "customMetric (empty)");
        }
        Elements.entries(override.path("tagOverrides"), pointer + "/tagOverrides", (tag, value, at) -> {
            String operation = value.path("operation").asText("UPSERT");
            boolean hasValue = !value.path("value").asText("").isEmpty();
            if (value.isNull()) {
                context.report(Message.MG1110, telemetry, at, "tag override '" + tag + "' (null)");
            } else if (operation.equals("UPSERT") && !hasValue) {
                context.report(Message.MG1110, telemetry, at, "value of tag override '" + tag + "' (operation UPSERT)");
            } else if (operation.equals("REMOVE") && hasValue) {
                context.report(
                        Message.MG1111,
                        telemetry,
                        at + "/value",
                        "tag override '" + tag + "'",
                        "a value may only be set when the operation is UPSERT");
            }
        });
    }

    private static void checkCustomTag(Context context, Resource telemetry, String name, JsonNode tag, String at) {
        if (name.isEmpty()) {
            context.report(Message.MG1110, telemetry, at, "custom tag name");
        }
        if (tag.path("literal").isObject()
                && tag.path("literal").path("value").asText("").isEmpty()) {
            context.report(Message.MG1110, telemetry, at + "/literal", "value of literal tag '" + name + "'");
        }
        if (tag.path("header").isObject()
                && tag.path("header").path("name").asText("").isEmpty()) {
            context.report(Message.MG1110, telemetry, at + "/header", "header name of tag '" + name + "'");
        }
        if (tag.path("environment").isObject()
                && tag.path("environment").path("name").asText("").isEmpty()) {
            context.report(Message.MG1110, telemetry, at + "/environment", "variable name of tag '" + name + "'");
        }
    }
}
