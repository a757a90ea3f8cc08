package dev.meshgate.analysis.rules.mesh;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import java.util.Set;

/** ProxyConfigs Istio rejects: a negative concurrency (0 means one worker thread per CPU). */
public final class ProxyConfigRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "proxyconfig-semantics",
                "ProxyConfigs are accepted by Istio",
                Set.of(Message.MG1111),
                Set.of(Kinds.PROXY_CONFIG));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.PROXY_CONFIG, config -> {
            var concurrency = config.at("/spec/concurrency");
            if (concurrency.isNumber() && concurrency.asLong() < 0) {
                context.report(
                        Message.MG1111,
                        config,
                        "/spec/concurrency",
                        "concurrency",
                        concurrency.asText() + " must not be negative");
            }
        });
    }
}
