package dev.meshgate.analysis.rules.security;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import java.util.Locale;
import java.util.Set;

/**
 * An AuthorizationPolicy source ({@code namespaces}, {@code notNamespaces}) naming a namespace that nothing in the input
 * is in: a typo leaves the rule matching no caller, or every caller. istioctl calls it not found (IST0101); meshgate
 * does so when the input is the whole mesh, and otherwise says it is unverified (MG2003), for namespaces are made by
 * whatever creates the workloads. Patterns ({@code prod-*}, {@code *-system}) match as Istio matches them.
 */
public final class SourceNamespaceNotFoundRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "authorizationpolicy-source-namespace",
                "AuthorizationPolicy source namespaces exist",
                Set.of(Message.IST0101, Message.MG2003),
                Set.of(Kinds.ANY));
    }

    @Override
    public void check(Context context) {
        Set<String> known = context.index().namespaces();
        context.onEach(
                Kinds.AUTHORIZATION_POLICY,
                policy -> Elements.each(
                        policy.at("/spec/rules"),
                        "/spec/rules",
                        (rule, rulePointer) ->
                                Elements.each(rule.path("from"), rulePointer + "/from", (from, fromPointer) -> {
                                    for (String field : new String[] {"namespaces", "notNamespaces"}) {
                                        String listPointer = fromPointer + "/source/" + field;
                                        Elements.each(
                                                from.path("source").path(field), listPointer, (entry, pointer) -> {
                                                    String pattern = entry.asText("");
                                                    if (pattern.isEmpty()
                                                            || pattern.equals(context.settings()
                                                                    .rootNamespace())
                                                            || known.stream()
                                                                    .anyMatch(
                                                                            namespace -> matches(pattern, namespace))) {
                                                        return;
                                                    }
                                                    context.unresolved(
                                                            policy,
                                                            pointer,
                                                            Reference.wherever(
                                                                    Reference.Target.NAMESPACE,
                                                                    pattern,
                                                                    "no resource of the input is in namespace "
                                                                            + pattern
                                                                            + ", which whatever deploys its workloads may create"),
                                                            Message.IST0101,
                                                            "namespace",
                                                            pattern);
                                                });
                                    }
                                })));
    }

    /** Istio's namespace patterns: "*", a prefix ("prod-*") or a suffix ("*-system"), else equal ignoring case. */
    static boolean matches(String pattern, String namespace) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.startsWith("*")) {
            return namespace.endsWith(pattern.substring(1));
        }
        if (pattern.endsWith("*")) {
            return namespace.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.toLowerCase(Locale.ROOT).equals(namespace.toLowerCase(Locale.ROOT));
    }
}
