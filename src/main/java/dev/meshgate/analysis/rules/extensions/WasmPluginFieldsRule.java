package dev.meshgate.analysis.rules.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * WasmPlugin fields Istio rejects beyond the url's scheme: a url that does not parse, a sha256 that is not 64 hex
 * digits, an empty or overlong imagePullSecret or pluginName, VM environment variables without a name, repeated, or
 * with a value not taken INLINE, and match ports without a number in 1..65535.
 */
public final class WasmPluginFieldsRule implements Rule {

    private static final Pattern SHA256 = Pattern.compile("[a-f0-9]{64}");
    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "wasmplugin-fields",
                "WasmPlugin urls, digests, names, VM environment and match ports are accepted by Istio",
                Set.of(Message.MG1105, Message.MG1109, Message.MG1110, Message.MG1111),
                Set.of(Kinds.WASM_PLUGIN));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.WASM_PLUGIN, plugin -> {
            JsonNode url = plugin.at("/spec/url");
            if (url.isTextual() && unparsable(url.textValue())) {
                context.report(
                        Message.MG1111,
                        plugin,
                        "/spec/url",
                        "url",
                        "'" + url.textValue() + "' is not a URL (a bad %-escape or a control character)");
            }
            JsonNode sha = plugin.at("/spec/sha256");
            if (sha.isTextual()
                    && !sha.textValue().isEmpty()
                    && !SHA256.matcher(sha.textValue()).matches()) {
                context.report(
                        Message.MG1111, plugin, "/spec/sha256", "sha256", "must be 64 lower-case hexadecimal digits");
            }
            length(context, plugin, "imagePullSecret", 253);
            length(context, plugin, "pluginName", 256);
            checkEnvironment(context, plugin);
            Elements.each(
                    plugin.at("/spec/match"),
                    "/spec/match",
                    (match, pointer) -> Elements.each(match.path("ports"), pointer + "/ports", (port, at) -> {
                        JsonNode number = port.path("number");
                        if (!number.isNumber()) {
                            context.report(Message.MG1110, plugin, at, "port number");
                        } else if (number.asLong() < 1 || number.asLong() > 65535) {
                            context.report(
                                    Message.MG1105,
                                    plugin,
                                    at + "/number",
                                    number.asText(),
                                    "must be between 1 and 65535");
                        }
                    }));
        });
    }

    /** What Go's URL parser refuses in any URL: invalid %-escapes and control characters. */
    private static boolean unparsable(String url) {
        return BAD_ESCAPE.matcher(url).find() || url.chars().anyMatch(c -> c < ' ' || c == 0x7f);
    }

    private static void length(Context context, Resource plugin, String field, int max) {
        JsonNode value = plugin.at("/spec/" + field);
        if (value.isTextual()
                && (value.textValue().isEmpty() || value.textValue().length() > max)) {
            context.report(
                    Message.MG1111,
                    plugin,
                    "/spec/" + field,
                    field,
                    "must be 1 to " + max + " characters long when written");
        }
    }

    private static void checkEnvironment(Context context, Resource plugin) {
        Set<String> names = new HashSet<>();
        Elements.each(plugin.at("/spec/vmConfig/env"), "/spec/vmConfig/env", (env, pointer) -> {
            String name = env.path("name").asText("");
            if (name.isEmpty()) {
                context.report(Message.MG1110, plugin, pointer, "name of a VM environment variable");
            } else if (!names.add(name)) {
                context.report(Message.MG1109, plugin, pointer + "/name", "VM environment variable '" + name + "'");
            }
            String from = env.path("valueFrom").asText("INLINE");
            if (!from.equals("INLINE") && !env.path("value").asText("").isEmpty()) {
                context.report(
                        Message.MG1111,
                        plugin,
                        pointer + "/value",
                        "value",
                        "may only be set when valueFrom is INLINE, not " + from);
            }
        });
    }
}
