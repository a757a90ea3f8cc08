package dev.meshgate.analysis.rules.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.Optional;
import java.util.Set;

/**
 * A DestinationRule that originates TLS (SIMPLE or MUTUAL) without caCertificates, so nothing it configures verifies
 * the server's certificate: IST0128 for the rule's traffic policy, IST0129 per port. As in istioctl, a credentialName
 * counts only on a rule with a workload selector (where the client's Secret can carry the CA).
 */
public final class NoServerCertificateVerificationRule implements Rule {

    private static final Set<String> ORIGINATING = Set.of("SIMPLE", "MUTUAL");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "destinationrule-server-certificate-verification",
                "TLS that a DestinationRule originates verifies the server's certificate",
                Set.of(Message.IST0128, Message.IST0129),
                Set.of(Kinds.DESTINATION_RULE));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.DESTINATION_RULE, rule -> {
            String host = rule.at("/spec/host").asText("");
            String tlsPointer = "/spec/trafficPolicy/tls";
            unverified(rule, rule.at(tlsPointer))
                    .ifPresent(mode -> context.report(
                            Message.IST0128, rule, tlsPointer + "/mode", rule.name(), rule.namespace(), mode, host));
            Elements.each(
                    rule.at("/spec/trafficPolicy/portLevelSettings"),
                    "/spec/trafficPolicy/portLevelSettings",
                    (settings, pointer) -> unverified(rule, settings.path("tls"))
                            .ifPresent(mode -> context.report(
                                    Message.IST0129,
                                    rule,
                                    pointer + "/tls/mode",
                                    rule.name(),
                                    rule.namespace(),
                                    mode,
                                    host,
                                    port(settings.path("port")))));
        });
    }

    /** The mode of TLS settings that originate TLS without a way to verify the server, if they do. */
    private static Optional<String> unverified(Resource rule, JsonNode tls) {
        String mode = tls.path("mode").asText("");
        if (!ORIGINATING.contains(mode)
                || !tls.path("caCertificates").asText("").isEmpty()) {
            return Optional.empty();
        }
        boolean credential = !tls.path("credentialName").asText("").isEmpty();
        if (credential && rule.at("/spec/workloadSelector").isObject()) {
            return Optional.empty();
        }
        return Optional.of(mode);
    }

    /** A port selector as istioctl prints it: "number:443". */
    private static String port(JsonNode selector) {
        return "number:" + selector.path("number").asText("0");
    }
}
