package dev.meshgate.analysis.rules.security;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import java.util.Set;

/**
 * RequestAuthentications Istio rejects: JWT rules with neither an issuer nor a jwksUri, jwks with jwksUri, a jwksUri
 * that is no http(s) URL.
 */
public final class RequestAuthenticationRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "requestauthentication-semantics",
                "RequestAuthentications are accepted by Istio",
                Set.of(Message.MG1108, Message.MG1110, Message.MG1111),
                Set.of(Kinds.REQUEST_AUTHENTICATION));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.REQUEST_AUTHENTICATION, policy -> {
            TargetSelection.check(context, policy);
            Elements.each(policy.at("/spec/jwtRules"), "/spec/jwtRules", (rule, pointer) -> {
                // Istio takes the issuer from the JWKS when only jwksUri is given.
                if (rule.path("issuer").asText("").isEmpty()
                        && rule.path("jwksUri").asText("").isEmpty()
                        && rule.path("jwks_uri").asText("").isEmpty()) {
                    context.report(Message.MG1110, policy, pointer, "issuer (or jwksUri)");
                }
                if (rule.hasNonNull("jwks") && rule.hasNonNull("jwksUri")) {
                    context.report(Message.MG1108, policy, pointer + "/jwksUri", "jwks and jwksUri");
                }
                String uri = rule.path("jwksUri").asText("");
                if (!uri.isEmpty() && !uri.matches("(?i)https?://[^\\s/]+.*")) {
                    context.report(
                            Message.MG1111,
                            policy,
                            pointer + "/jwksUri",
                            "jwksUri",
                            "'" + uri + "' is not an http(s) URL");
                }
            });
        });
    }
}
