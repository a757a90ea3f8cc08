package dev.meshgate.analysis.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.analysis.rules.values.IpBlock;
import dev.meshgate.manifest.Resource;
import java.util.List;
import java.util.Set;

/**
 * The rules of AuthorizationPolicies as Istio's webhook judges them: DENY and CUSTOM policies need rules, serviceAccounts
 * cannot be combined with principals or namespaces, sources and operations are not empty and hold no empty values,
 * IP blocks are addresses or CIDR blocks, and CUSTOM policies use none of the identity attributes the external
 * authorizer does not receive.
 */
public final class AuthorizationPolicyRulesRule implements Rule {

    private static final List<String> SOURCE_FIELDS = List.of(
            "principals",
            "notPrincipals",
            "requestPrincipals",
            "notRequestPrincipals",
            "namespaces",
            "notNamespaces",
            "ipBlocks",
            "notIpBlocks",
            "remoteIpBlocks",
            "notRemoteIpBlocks",
            "serviceAccounts",
            "notServiceAccounts",
            "trustDomains",
            "notTrustDomains");
    private static final List<String> IP_FIELDS =
            List.of("ipBlocks", "notIpBlocks", "remoteIpBlocks", "notRemoteIpBlocks");
    private static final List<String> OPERATION_FIELDS =
            List.of("ports", "notPorts", "methods", "notMethods", "paths", "notPaths", "hosts", "notHosts");
    private static final Set<String> CUSTOM_UNSUPPORTED_SOURCES = Set.of(
            "namespaces",
            "notNamespaces",
            "serviceAccounts",
            "notServiceAccounts",
            "trustDomains",
            "notTrustDomains",
            "principals",
            "notPrincipals",
            "requestPrincipals",
            "notRequestPrincipals");
    private static final Set<String> CUSTOM_UNSUPPORTED_KEYS =
            Set.of("source.namespace", "source.serviceAccount", "source.trustDomain", "source.principal");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "authorizationpolicy-rules",
                "AuthorizationPolicy rules, sources and operations are accepted by Istio",
                Set.of(Message.MG1108, Message.MG1110, Message.MG1111, Message.MG1123),
                Set.of(Kinds.AUTHORIZATION_POLICY));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.AUTHORIZATION_POLICY, policy -> {
            String action = policy.at("/spec/action").asText("ALLOW");
            boolean custom = action.equals("CUSTOM");
            if ((custom || action.equals("DENY")) && policy.at("/spec/rules").isMissingNode()) {
                context.report(
                        Message.MG1110,
                        policy,
                        "/spec/action",
                        "rules (a " + action + " policy without rules never applies; add an empty rule {} to apply it "
                                + "to every request)");
            }
            Elements.each(policy.at("/spec/rules"), "/spec/rules", (rule, pointer) -> {
                Elements.each(
                        rule.path("from"),
                        pointer + "/from",
                        (from, at) -> checkSource(context, policy, from.path("source"), at + "/source", custom));
                Elements.each(
                        rule.path("to"),
                        pointer + "/to",
                        (to, at) -> checkOperation(context, policy, to.path("operation"), at + "/operation"));
                if (custom) {
                    Elements.each(rule.path("when"), pointer + "/when", (condition, at) -> {
                        String key = condition.path("key").asText("");
                        if (CUSTOM_UNSUPPORTED_KEYS.contains(key) || key.startsWith("request.auth.")) {
                            unsupportedWithCustom(context, policy, at + "/key", key);
                        }
                    });
                }
            });
        });
    }

    private static void checkSource(Context context, Resource policy, JsonNode source, String pointer, boolean custom) {
        if (!source.isObject()) {
            context.report(Message.MG1110, policy, pointer, "from.source");
            return;
        }
        if (SOURCE_FIELDS.stream().allMatch(field -> source.path(field).isEmpty())) {
            context.report(Message.MG1110, policy, pointer, "a field of from.source (it is empty)");
        }
        boolean accounts = has(source, "serviceAccounts") || has(source, "notServiceAccounts");
        if (accounts
                && (has(source, "principals")
                        || has(source, "notPrincipals")
                        || has(source, "namespaces")
                        || has(source, "notNamespaces"))) {
            context.report(
                    Message.MG1108,
                    policy,
                    pointer + (has(source, "serviceAccounts") ? "/serviceAccounts" : "/notServiceAccounts"),
                    "serviceAccounts with principals or namespaces (use separate sources)");
        }
        for (String field : SOURCE_FIELDS) {
            emptyValues(context, policy, source.path(field), pointer, field);
            if (custom && CUSTOM_UNSUPPORTED_SOURCES.contains(field) && has(source, field)) {
                unsupportedWithCustom(context, policy, pointer + "/" + field, "from.source." + field);
            }
        }
        for (String field : IP_FIELDS) {
            JsonNode blocks = source.path(field);
            if (!blocks.isArray()) {
                continue;
            }
            Elements.each(blocks, pointer + "/" + field, (block, at) -> {
                String text = block.asText("");
                if (!text.isEmpty() && !IpBlock.valid(text)) {
                    context.report(Message.MG1123, policy, at, text, "not an IP address or CIDR block");
                }
            });
        }
    }

    private static void checkOperation(Context context, Resource policy, JsonNode operation, String pointer) {
        if (!operation.isObject()) {
            context.report(Message.MG1110, policy, pointer, "to.operation");
            return;
        }
        if (OPERATION_FIELDS.stream().allMatch(field -> operation.path(field).isEmpty())) {
            context.report(Message.MG1110, policy, pointer, "a field of to.operation (it is empty)");
        }
        for (String field : OPERATION_FIELDS) {
            emptyValues(context, policy, operation.path(field), pointer, field);
        }
    }

    /** Reports the empty values of the list in the field of the object at the pointer. */
    private static void emptyValues(
            Context context, Resource policy, JsonNode values, String objectPointer, String field) {
        // Most fields are absent: their pointer is not made.
        if (!values.isArray()) {
            return;
        }
        Elements.each(values, objectPointer + "/" + field, (value, at) -> {
            if (value.asText("").isEmpty()) {
                context.report(Message.MG1110, policy, at, "a value of " + field + " (empty)");
            }
        });
    }

    private static void unsupportedWithCustom(Context context, Resource policy, String pointer, String what) {
        context.report(Message.MG1111, policy, pointer, what, "not supported with action CUSTOM");
    }

    private static boolean has(JsonNode node, String field) {
        return !node.path(field).isEmpty();
    }
}
