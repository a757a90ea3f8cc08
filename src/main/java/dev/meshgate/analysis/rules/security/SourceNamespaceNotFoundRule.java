package dev.meshgate.analysis.rules.security;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
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
                                        Elements.each(
                                                from.path("source").path(field),
                                                fromPointer + "/source/" + field,
                                                (entry, pointer) ->
                                                        judge(context, policy, known, entry.asText(""), pointer));
                                    }
                                })));
    }

    private static void judge(Context context, Resource policy, Set<String> known, String pattern, String pointer) {
        if (pattern.isEmpty() || pattern.equals(context.settings().rootNamespace()) || exists(pattern, known)) {
            return;
        }
        context.unresolved(
                policy,
                pointer,
                Reference.wherever(
                        Reference.Target.NAMESPACE,
                        pattern,
                        "no resource of the input is in namespace " + pattern
                                + ", which whatever deploys its workloads may create"),
                Message.IST0101,
                "namespace",
                pattern);
    }

    /**
     * Whether a namespace of the input matches: a name is looked up (Kubernetes names are lower case), only a pattern
     * is tried against every namespace.
     */
    private static boolean exists(String pattern, Set<String> known) {
        if (!pattern.contains("*")) {
            return known.contains(pattern.toLowerCase(Locale.ROOT));
        }
        return known.stream().anyMatch(namespace -> matches(pattern, namespace));
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
