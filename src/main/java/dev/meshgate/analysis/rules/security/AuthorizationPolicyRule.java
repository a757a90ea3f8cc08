package dev.meshgate.analysis.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.analysis.rules.values.PortNumbers;
import dev.meshgate.manifest.Resource;
import java.util.List;
import java.util.Set;

/**
 * AuthorizationPolicies Istio rejects: a selector next to targetRef(s), CUSTOM without a provider or a provider with
 * another action, conditions with unknown keys or without values, ports outside 1..65535.
 */
public final class AuthorizationPolicyRule implements Rule {

    // The condition keys of Istio's webhook (pkg/config/security): plain ones, and prefixes followed by "[name]".
    private static final Set<String> PLAIN_KEYS = Set.of(
            "source.ip",
            "remote.ip",
            "source.namespace",
            "source.principal",
            "source.serviceAccount",
            "source.trustDomain",
            "request.auth.principal",
            "request.auth.audiences",
            "request.auth.presenter",
            "destination.ip",
            "destination.port",
            "connection.sni");
    private static final List<String> INDEXED_KEY_PREFIXES =
            List.of("request.headers", "request.auth.claims", "experimental.envoy.filters.");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "authorizationpolicy-semantics",
                "AuthorizationPolicies are accepted by Istio",
                Set.of(Message.MG1105, Message.MG1108, Message.MG1110, Message.MG1111),
                Set.of(Kinds.AUTHORIZATION_POLICY));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.AUTHORIZATION_POLICY, policy -> {
            TargetSelection.check(context, policy);
            String action = policy.at("/spec/action").asText("ALLOW");
            boolean provider = policy.at("/spec/provider/name").isTextual();
            if (action.equals("CUSTOM") && !provider) {
                context.report(Message.MG1110, policy, "/spec/action", "provider (required by action CUSTOM)");
            } else if (!action.equals("CUSTOM") && policy.at("/spec/provider").isObject()) {
                context.report(
                        Message.MG1111,
                        policy,
                        "/spec/provider",
                        "provider",
                        "only allowed with action CUSTOM, not " + action);
            }
            Elements.each(policy.at("/spec/rules"), "/spec/rules", (rule, pointer) -> {
                Elements.each(
                        rule.path("when"),
                        pointer + "/when",
                        (condition, at) -> checkCondition(context, policy, condition, at));
                Elements.each(rule.path("to"), pointer + "/to", (to, at) -> {
                    checkPorts(context, policy, to.path("operation").path("ports"), at + "/operation/ports");
                    checkPorts(context, policy, to.path("operation").path("notPorts"), at + "/operation/notPorts");
                });
            });
        });
    }

    private static void checkCondition(Context context, Resource policy, JsonNode condition, String pointer) {
        String key = condition.path("key").asText("");
        if (!PLAIN_KEYS.contains(key) && !indexedKey(key)) {
            context.report(
                    Message.MG1111,
                    policy,
                    pointer + "/key",
                    "condition key",
                    "'" + key
                            + "' is not a key Istio knows (e.g. source.ip, request.headers[name], request.auth.claims[iss])");
        }
        if (condition.path("values").isEmpty() && condition.path("notValues").isEmpty()) {
            context.report(Message.MG1110, policy, pointer, "values or notValues of condition '" + key + "'");
        }
    }

    /** A prefix key with a name in brackets after it, e.g. request.headers[x-user] or request.auth.claims[groups]. */
    private static boolean indexedKey(String key) {
        int open = key.indexOf('[');
        return INDEXED_KEY_PREFIXES.stream().anyMatch(key::startsWith)
                && key.endsWith("]")
                && open > 0
                && open < key.length() - 2;
    }

    private static void checkPorts(Context context, Resource policy, JsonNode ports, String pointer) {
        Elements.each(ports, pointer, (port, at) -> {
            String text = port.asText("");
            if (!PortNumbers.valid(text)) {
                context.report(Message.MG1105, policy, at, text, "must be a number between 1 and 65535");
            }
        });
    }
}
