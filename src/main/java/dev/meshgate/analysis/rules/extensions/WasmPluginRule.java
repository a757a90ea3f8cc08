package dev.meshgate.analysis.rules.extensions;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.security.TargetSelection;
import java.util.Set;

/** WasmPlugins Istio rejects: no url, a url scheme other than oci, file, http or https, selector with targetRefs. */
public final class WasmPluginRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "wasmplugin-semantics",
                "WasmPlugins are accepted by Istio",
                Set.of(Message.MG1108, Message.MG1110, Message.MG1111),
                Set.of(Kinds.WASM_PLUGIN));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.WASM_PLUGIN, plugin -> {
            TargetSelection.check(context, plugin);
            String url = plugin.at("/spec/url").asText("");
            if (url.isEmpty()) {
                context.report(Message.MG1110, plugin, "/spec", "url");
            } else if (url.contains("://") && !url.matches("(oci|file|https?)://.+")) {
                context.report(
                        Message.MG1111,
                        plugin,
                        "/spec/url",
                        "url",
                        "scheme must be oci://, file://, http:// or https://");
            }
        });
    }
}
