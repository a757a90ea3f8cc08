package dev.meshgate.analysis.rules.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.security.TargetSelection;
import dev.meshgate.analysis.rules.values.Elements;
import java.util.Set;

/** Telemetry resources Istio rejects: sampling percentages outside 0..100, providers without a name. */
public final class TelemetryRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "telemetry-semantics",
                "Telemetry resources are accepted by Istio",
                Set.of(Message.MG1108, Message.MG1111),
                Set.of(Kinds.TELEMETRY_KIND));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.TELEMETRY_KIND, telemetry -> {
            TargetSelection.check(context, telemetry);
            for (String section : new String[] {"tracing", "accessLogging", "metrics"}) {
                Elements.each(telemetry.at("/spec/" + section), "/spec/" + section, (entry, pointer) -> {
                    JsonNode sampling = entry.path("randomSamplingPercentage");
                    if (sampling.isNumber() && (sampling.asDouble() < 0 || sampling.asDouble() > 100)) {
                        context.report(
                                Message.MG1111,
                                telemetry,
                                pointer + "/randomSamplingPercentage",
                                "randomSamplingPercentage",
                                sampling.asText() + " must be between 0 and 100");
                    }
                    Elements.each(entry.path("providers"), pointer + "/providers", (provider, at) -> {
                        if (provider.path("name").asText("").isEmpty()) {
                            context.report(Message.MG1111, telemetry, at, "provider", "a provider needs a name");
                        }
                    });
                });
            }
        });
    }
}
