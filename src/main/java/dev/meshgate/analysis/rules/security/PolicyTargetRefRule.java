package dev.meshgate.analysis.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Policy targetRef(s) Istio rejects (AuthorizationPolicy, RequestAuthentication, Telemetry, WasmPlugin, and the
 * EnvoyFilter's as its CRD reads them): no name or kind, a namespace (cross-namespace references are unsupported), a
 * malformed group or kind, or (but for EnvoyFilters) a kind policies cannot attach to.
 */
public final class PolicyTargetRefRule implements Rule {

    private static final Pattern GROUP =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern KIND = Pattern.compile("[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?");

    /** The group/kind pairs Istio's webhook lets a policy attach to; the core group is written "". */
    private static final Set<String> TARGETS = Set.of(
            "/Service",
            "core/Service",
            Kinds.NETWORKING + "/ServiceEntry",
            "gateway.networking.k8s.io/Gateway",
            "gateway.networking.k8s.io/GatewayClass");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "policy-target-refs",
                "Policy targetRefs name a kind Istio attaches policies to, in the policy's namespace",
                Set.of(Message.MG1121),
                Set.of(
                        Kinds.AUTHORIZATION_POLICY,
                        Kinds.ENVOY_FILTER,
                        Kinds.REQUEST_AUTHENTICATION,
                        Kinds.TELEMETRY_KIND,
                        Kinds.WASM_PLUGIN));
    }

    @Override
    public void check(Context context) {
        for (var kind : info().inputs()) {
            context.onEach(kind, policy -> {
                JsonNode single = policy.at("/spec/targetRef");
                if (single.isObject()) {
                    checkTarget(context, policy, single, "/spec/targetRef");
                }
                Elements.each(policy.at("/spec/targetRefs"), "/spec/targetRefs", (target, pointer) -> {
                    if (target.isObject()) {
                        checkTarget(context, policy, target, pointer);
                    }
                });
            });
        }
    }

    private static void checkTarget(Context context, Resource policy, JsonNode target, String pointer) {
        String name = target.path("name").asText("");
        String kind = target.path("kind").asText("");
        String group = target.path("group").asText("");
        String namespace = target.path("namespace").asText("");
        if (name.isEmpty()) {
            context.report(Message.MG1121, policy, pointer, "targetRef", "a name is required");
        }
        if (!namespace.isEmpty()) {
            context.report(
                    Message.MG1121,
                    policy,
                    pointer + "/namespace",
                    "targetRef",
                    "namespace must not be set: cross-namespace references are not supported");
        }
        if (!group.isEmpty() && (group.length() > 253 || !GROUP.matcher(group).matches())) {
            context.report(
                    Message.MG1121, policy, pointer + "/group", "targetRef group", "'" + group + "' is no API group");
        } else if (kind.isEmpty()) {
            context.report(Message.MG1121, policy, pointer, "targetRef", "a kind is required");
        } else if (kind.length() > 63 || !KIND.matcher(kind).matches()) {
            context.report(
                    Message.MG1121, policy, pointer + "/kind", "targetRef kind", "'" + kind + "' is no kind name");
        } else if (!TARGETS.contains(group + "/" + kind) && !policy.kind().equals(Kinds.ENVOY_FILTER)) {
            // EnvoyFilter targetRefs are judged by the CRD's patterns only: the webhook does not limit their kinds.
            context.report(
                    Message.MG1121,
                    policy,
                    pointer + "/kind",
                    "targetRef kind",
                    "policies attach to a Service, ServiceEntry, Gateway or GatewayClass, not "
                            + (group.isEmpty() ? "" : group + "/") + kind);
        }
    }
}
