package dev.meshgate.analysis.rules.extensions;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.security.TargetSelection;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * WasmPlugins Istio rejects: no url, a url scheme other than oci, file, http or https, an image reference whose
 * registry is no host, selector with targetRefs.
 */
public final class WasmPluginRule implements Rule {

    /** What RFC 3986 lets an authority (registry host and port) hold. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@%\\[\\]-]*");

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
            } else if (!url.contains("://") && !HOST.matcher(hostPart(url)).matches()) {
                // A url without a scheme is an OCI image reference: the CRD reads it as http:// plus the url.
                context.report(
                        Message.MG1111,
                        plugin,
                        "/spec/url",
                        "url",
                        "'" + url + "' is no image reference: its registry part holds characters no host has");
            }
        });
    }

    private static String hostPart(String url) {
        int end = url.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int at = url.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return url.substring(0, end);
    }
}
