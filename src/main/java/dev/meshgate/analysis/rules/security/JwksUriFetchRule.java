package dev.meshgate.analysis.rules.security;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.mesh.IstiodDeployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The input's istiod Deployment (labelled app=istiod) does not set BLOCKED_CIDRS_IN_JWKS_URIS while the input holds
 * RequestAuthentications (IST0175): istiod fetches their jwksUri from inside the cluster, so whoever may write one can
 * make istiod call internal addresses. Without an istiod Deployment in the input there is nothing to judge.
 */
public final class JwksUriFetchRule implements Rule {

    private static final String SETTING = "BLOCKED_CIDRS_IN_JWKS_URIS";
    private static final int NAMED = 5;

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "requestauthentication-jwks-fetch-unrestricted",
                "istiod restricts the addresses it fetches JWKS from when RequestAuthentications exist",
                Set.of(Message.IST0175),
                Set.of(Kinds.REQUEST_AUTHENTICATION, Kinds.DEPLOYMENT));
    }

    @Override
    public void check(Context context) {
        List<String> policies = new ArrayList<>();
        context.forEach(Kinds.REQUEST_AUTHENTICATION, policy -> policies.add(policy.namespace() + "/" + policy.name()));
        if (policies.isEmpty()) {
            return;
        }
        List<String> sorted = policies.stream().distinct().sorted().toList();
        context.forEach(Kinds.DEPLOYMENT, deployment -> {
            boolean restricted = IstiodDeployment.env(deployment, SETTING)
                    .filter(value -> !value.isEmpty())
                    .isPresent();
            if (IstiodDeployment.is(deployment) && !restricted) {
                context.report(
                        Message.IST0175, deployment, "/spec/template/spec/containers", sorted.size(), names(sorted));
            }
        });
    }

    private static String names(List<String> policies) {
        if (policies.size() <= NAMED) {
            return String.join(", ", policies);
        }
        return String.join(", ", policies.subList(0, NAMED)) + ", and " + (policies.size() - NAMED) + " more";
    }
}
