package dev.meshgate.analysis.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.destinationrule.PeerAuthentications;
import dev.meshgate.analysis.rules.mesh.MeshConfigSource;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AuthorizationPolicies that match on the peer's identity, which only mutual TLS carries, for workloads that the input
 * shows receive plain text (Kiali's KIA0105): their clients send plain text, by a namespace- or mesh-wide
 * DestinationRule that disables TLS or by auto mTLS turned off (MG2031), or their PeerAuthentication is DISABLE
 * (MG2027), and the fields never match; their PeerAuthentication is PERMISSIVE and the policy denies, audits or
 * delegates (MG2028), so plain-text callers escape it. A PERMISSIVE ALLOW policy refuses plain text, which is what it
 * is for. Istio's default (PERMISSIVE) is no evidence, and policies of the root namespace or attached by targetRefs
 * are not judged.
 */
public final class AuthorizationPolicyMtlsRule implements Rule {

    private static final List<String> SOURCE_FIELDS =
            List.of("principals", "notPrincipals", "namespaces", "notNamespaces");

    private static final Set<String> CONDITION_KEYS = Set.of("source.principal", "source.namespace", "connection.sni");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "authorizationpolicy-mtls",
                "AuthorizationPolicies on peer identities apply to workloads that require mutual TLS",
                Set.of(Message.MG2027, Message.MG2028, Message.MG2031),
                Set.of(
                        Kinds.AUTHORIZATION_POLICY,
                        Kinds.PEER_AUTHENTICATION,
                        Kinds.DESTINATION_RULE,
                        Kinds.ISTIO_OPERATOR,
                        Kinds.CONFIG_MAP));
    }

    @Override
    public void check(Context context) {
        if (context.index().ofKind(Kinds.AUTHORIZATION_POLICY).isEmpty()) {
            return;
        }
        PeerAuthentications policies = new PeerAuthentications(context.index());
        PlaintextClients clients = new PlaintextClients(context.index());
        String root = MeshConfigSource.rootNamespace(context.index());
        context.onEach(Kinds.AUTHORIZATION_POLICY, policy -> {
            if (!policy.at("/spec/targetRef").isMissingNode()
                    || !policy.at("/spec/targetRefs").isMissingNode()) {
                return;
            }
            // A policy of the root namespace applies in every namespace, whose modes the input need not show.
            if (policy.namespace().equals(root)) {
                return;
            }
            Optional<Resource> plainClients = clients.in(policy.namespace());
            if (plainClients.isPresent()) {
                Resource cause = plainClients.get();
                report(context, policy, Message.MG2031, cause.kind().kind() + " " + name(cause));
                return;
            }
            Map<String, String> selector = Resource.stringMap(policy.at("/spec/selector/matchLabels"));
            plaintextDecision(policies.forPods(policy.namespace(), selector), selector.isEmpty())
                    .filter(decision -> decision.mode().equals("DISABLE") || !allows(policy))
                    .ifPresent(decision -> report(
                            context,
                            policy,
                            decision.mode().equals("DISABLE") ? Message.MG2027 : Message.MG2028,
                            name(decision.policy())));
        });
    }

    /**
     * The PeerAuthentication that lets plain text in, where the input says so for every pod in question: for a
     * policy without a selector, the namespace's (or mesh's) level; otherwise every policy that may select the pods.
     */
    private static Optional<PeerAuthentications.Decision> plaintextDecision(
            List<PeerAuthentications.Effective> outcomes, boolean namespaceWide) {
        List<PeerAuthentications.Effective> deciding =
                namespaceWide ? List.of(outcomes.get(outcomes.size() - 1)) : outcomes;
        PeerAuthentications.Decision first = deciding.get(0).workload();
        for (PeerAuthentications.Effective effective : deciding) {
            PeerAuthentications.Decision decision = effective.workload();
            if (decision.policy() == null
                    || decision.strict()
                    || !effective.ports().isEmpty()
                    || !decision.mode().equals(first.mode())) {
                return Optional.empty();
            }
        }
        return Optional.of(first);
    }

    /** An ALLOW policy (the default action) refuses what it does not match, plain text included. */
    private static boolean allows(Resource policy) {
        return policy.at("/spec/action").asText("ALLOW").equals("ALLOW");
    }

    private static String name(Resource resource) {
        return resource.namespace() + "/" + resource.name();
    }

    private static void report(Context context, Resource policy, Message message, String by) {
        Elements.each(policy.at("/spec/rules"), "/spec/rules", (rule, rulePointer) -> {
            Elements.each(rule.path("from"), rulePointer + "/from", (from, fromPointer) -> {
                JsonNode source = from.path("source");
                for (String field : SOURCE_FIELDS) {
                    if (!source.path(field).isEmpty()) {
                        context.report(message, policy, fromPointer + "/source/" + field, "source." + field, by);
                    }
                }
            });
            Elements.each(rule.path("when"), rulePointer + "/when", (condition, pointer) -> {
                String key = condition.path("key").asText("");
                if (CONDITION_KEYS.contains(key)) {
                    context.report(message, policy, pointer, "condition " + key, by);
                }
            });
        });
    }
}
