package dev.meshgate.analysis.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.HostNames;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.HashSet;
import java.util.Set;

/**
 * AuthorizationPolicy operation hosts that name a Service (name, or name.namespace of a namespace the input knows)
 * which no Service, ServiceEntry or VirtualService of the input serves (MG2026, Kiali's KIA0104). Operation hosts are
 * Host headers, so anything else (wildcards, names with two or more dots) is left alone; a Service in a namespace the
 * input does not manage is unverified.
 */
public final class AuthorizationPolicyHostRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "authorizationpolicy-hosts",
                "AuthorizationPolicy operation hosts name Services that exist",
                Set.of(Message.MG2026, Message.MG2003),
                Set.of(
                        Kinds.AUTHORIZATION_POLICY,
                        Kinds.SERVICE,
                        Kinds.SERVICE_ENTRY,
                        Kinds.VIRTUAL_SERVICE,
                        Kinds.NAMESPACE));
    }

    @Override
    public void check(Context context) {
        String domain = context.settings().clusterDomain();
        Set<String> routed = virtualServiceHosts(context, domain);
        context.onEach(
                Kinds.AUTHORIZATION_POLICY,
                policy -> Elements.each(
                        policy.at("/spec/rules"),
                        "/spec/rules",
                        (rule, rulePointer) -> Elements.each(
                                rule.path("to"),
                                rulePointer + "/to",
                                (to, toPointer) -> Elements.each(
                                        to.path("operation").path("hosts"),
                                        toPointer + "/operation/hosts",
                                        (host, pointer) ->
                                                checkHost(context, policy, host, pointer, routed, domain)))));
    }

    private static void checkHost(
            Context context, Resource policy, JsonNode hostNode, String pointer, Set<String> routed, String domain) {
        String host = hostNode.asText("").trim();
        int port = host.lastIndexOf(':');
        if (port > 0 && host.substring(port + 1).matches("\\d+")) {
            host = host.substring(0, port);
        }
        if (host.isEmpty() || host.contains("*") || !isServiceName(context, policy, host)) {
            return;
        }
        // The Host header of a request to a Service may carry name.namespace, which DNS search paths complete.
        String fqdn =
                host.indexOf('.') < 0 ? HostNames.fqdn(host, policy.namespace(), domain) : host + ".svc." + domain;
        if (routed.contains(fqdn) || context.index().hostExists(fqdn, policy.namespace())) {
            return;
        }
        context.unresolved(
                policy, pointer, Reference.host(fqdn, domain), Message.MG2026, hostNode.asText(""), "as " + fqdn);
    }

    /** A short name, or name.namespace where the namespace is the policy's or one the input knows. */
    private static boolean isServiceName(Context context, Resource policy, String host) {
        int dots = host.length() - host.replace(".", "").length();
        if (dots == 0) {
            return true;
        }
        if (dots > 1) {
            return false;
        }
        String namespace = host.substring(host.indexOf('.') + 1);
        return namespace.equals(policy.namespace())
                || context.index().managesNamespace(namespace)
                || context.index().find(Kinds.NAMESPACE, "", namespace).isPresent();
    }

    /** The hosts VirtualServices of the input define, which requests may name too. */
    private static Set<String> virtualServiceHosts(Context context, String domain) {
        Set<String> hosts = new HashSet<>();
        for (Resource vs : context.index().ofKind(Kinds.VIRTUAL_SERVICE)) {
            for (JsonNode host : vs.at("/spec/hosts")) {
                hosts.add(HostNames.fqdn(host.asText(""), vs.namespace(), domain));
            }
        }
        return hosts;
    }
}
