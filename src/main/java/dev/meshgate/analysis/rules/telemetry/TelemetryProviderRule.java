package dev.meshgate.analysis.rules.telemetry;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.mesh.MeshConfigSource;
import dev.meshgate.analysis.rules.values.Elements;
import java.util.Set;

/**
 * Access-logging entries of a Telemetry that name no provider while no mesh configuration of the input sets a default
 * one (IST0157): Istio ignores them. Without a mesh configuration in the input, Istio's default (no default provider)
 * is assumed, as istioctl does.
 */
public final class TelemetryProviderRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "telemetry-providers",
                "Telemetry access logging has a provider",
                Set.of(Message.IST0157),
                Set.of(Kinds.TELEMETRY_KIND, Kinds.ISTIO_OPERATOR, Kinds.CONFIG_MAP));
    }

    @Override
    public void check(Context context) {
        boolean meshDefault = MeshConfigSource.all(context.index()).stream().anyMatch(source -> !source.meshConfig()
                .path("defaultProviders")
                .path("accessLogging")
                .isEmpty());
        if (meshDefault) {
            return;
        }
        context.onEach(
                Kinds.TELEMETRY_KIND,
                telemetry ->
                        Elements.each(telemetry.at("/spec/accessLogging"), "/spec/accessLogging", (entry, pointer) -> {
                            if (!entry.path("disabled").asBoolean(false)
                                    && entry.path("providers").isEmpty()) {
                                context.report(
                                        Message.IST0157, telemetry, pointer, telemetry.name(), telemetry.namespace());
                            }
                        }));
    }
}
