package dev.meshgate.analysis.rules.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.mesh.MeshConfigSource;
import dev.meshgate.analysis.rules.values.Elements;
import java.util.HashSet;
import java.util.Set;

/**
 * A Telemetry that traces to a provider the input's mesh configuration defines as Lightstep (IST0002): Istio has
 * deprecated the Lightstep provider for OpenTelemetry, which Lightstep accepts.
 */
public final class LightstepProviderRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "telemetry-lightstep-provider",
                "Telemetry does not trace to the deprecated Lightstep provider",
                Set.of(Message.IST0002),
                Set.of(Kinds.TELEMETRY_KIND, Kinds.ISTIO_OPERATOR, Kinds.CONFIG_MAP));
    }

    @Override
    public void check(Context context) {
        Set<String> lightstep = new HashSet<>();
        for (MeshConfigSource source : MeshConfigSource.all(context.index())) {
            for (JsonNode provider : source.meshConfig().path("extensionProviders")) {
                if (provider.has("lightstep")) {
                    lightstep.add(provider.path("name").asText(""));
                }
            }
        }
        if (lightstep.isEmpty()) {
            return;
        }
        context.onEach(
                Kinds.TELEMETRY_KIND,
                telemetry -> Elements.each(
                        telemetry.at("/spec/tracing"),
                        "/spec/tracing",
                        (tracing, at) ->
                                Elements.each(tracing.path("providers"), at + "/providers", (provider, pointer) -> {
                                    String name = provider.path("name").asText("");
                                    if (lightstep.contains(name)) {
                                        context.report(
                                                Message.IST0002,
                                                telemetry,
                                                pointer,
                                                "The Lightstep provider " + name
                                                        + " is deprecated, please migrate to OpenTelemetry provider.");
                                    }
                                })));
    }
}
