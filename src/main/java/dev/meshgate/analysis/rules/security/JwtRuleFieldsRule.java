package dev.meshgate.analysis.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Durations;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parts of a RequestAuthentication's JWT rules Istio rejects: an issuer or jwksUri written empty, empty audiences, token locations without a name
 * (headers, query parameters, cookies), claims copied to headers without a claim or with a header name Envoy cannot
 * set, empty space-delimited claims, and a fetch timeout that is no duration of at least 1ms.
 */
public final class JwtRuleFieldsRule implements Rule {

    private static final Pattern HEADER_NAME = Pattern.compile("[-_A-Za-z0-9]+");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "requestauthentication-jwt-fields",
                "JWT rules name their token locations, claims and headers",
                Set.of(Message.MG1103, Message.MG1110, Message.MG1124),
                Set.of(Kinds.REQUEST_AUTHENTICATION));
    }

    @Override
    public void check(Context context) {
        context.onEach(
                Kinds.REQUEST_AUTHENTICATION,
                policy -> Elements.each(policy.at("/spec/jwtRules"), "/spec/jwtRules", (rule, pointer) -> {
                    writtenEmpty(context, policy, rule, pointer, "issuer", "jwksUri");
                    writtenEmpty(context, policy, rule, pointer, "jwksUri", "issuer");
                    notEmpty(context, policy, rule.path("audiences"), pointer + "/audiences", "audience");
                    notEmpty(context, policy, rule.path("fromParams"), pointer + "/fromParams", "query parameter");
                    notEmpty(context, policy, rule.path("fromCookies"), pointer + "/fromCookies", "cookie name");
                    notEmpty(
                            context,
                            policy,
                            rule.path("spaceDelimitedClaims"),
                            pointer + "/spaceDelimitedClaims",
                            "space-delimited claim");
                    Elements.each(rule.path("fromHeaders"), pointer + "/fromHeaders", (header, at) -> {
                        if (header.path("name").asText("").isEmpty()) {
                            context.report(Message.MG1110, policy, at, "header name of a fromHeaders location");
                        }
                    });
                    Elements.each(
                            rule.path("outputClaimToHeaders"),
                            pointer + "/outputClaimToHeaders",
                            (output, at) -> checkClaimToHeader(context, policy, output, at));
                    JsonNode timeout = rule.path("timeout");
                    if (timeout.isTextual()) {
                        Durations.problem(timeout.asText(), BigDecimal.ONE)
                                .ifPresent(problem -> context.report(
                                        Message.MG1103,
                                        policy,
                                        pointer + "/timeout",
                                        "jwtRules timeout",
                                        timeout.asText(),
                                        problem));
                    }
                }));
    }

    private static void checkClaimToHeader(Context context, Resource policy, JsonNode output, String pointer) {
        String claim = output.path("claim").asText("");
        String header = output.path("header").asText("");
        if (claim.isEmpty() || header.isEmpty()) {
            context.report(
                    Message.MG1110,
                    policy,
                    claim.isEmpty() ? pointer : pointer + "/header",
                    "claim and header of an outputClaimToHeaders entry");
        } else if (!HEADER_NAME.matcher(header).matches()) {
            context.report(
                    Message.MG1124,
                    policy,
                    pointer + "/header",
                    header,
                    "only letters, digits, '-' and '_' (no pseudo-headers)");
        }
    }

    /**
     * The CRD refuses an empty issuer or jwksUri that is written; with both empty the rule lacks either, which
     * requestauthentication-semantics reports.
     */
    private static void writtenEmpty(
            Context context, Resource policy, JsonNode rule, String pointer, String field, String other) {
        JsonNode value = rule.path(field);
        if (value.isTextual()
                && value.textValue().isEmpty()
                && !rule.path(other).asText("").isEmpty()) {
            context.report(Message.MG1110, policy, pointer + "/" + field, field + " (empty)");
        }
    }

    private static void notEmpty(Context context, Resource policy, JsonNode list, String pointer, String what) {
        Elements.each(list, pointer, (value, at) -> {
            if (value.asText("").isEmpty() || value.isNull()) {
                context.report(Message.MG1110, policy, at, what + " (empty)");
            }
        });
    }
}
