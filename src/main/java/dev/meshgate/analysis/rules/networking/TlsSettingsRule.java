package dev.meshgate.analysis.rules.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * TLS settings whose mode and certificate fields do not fit together, in DestinationRule client TLS and Gateway server
 * TLS (a credentialName or credentialNames, a serverCertificate and privateKey, or tlsCertificates: one of them) and
 * Sidecar ingress TLS (certificate files only, no Gateway-only settings), and servers whose protocol and TLS block
 * disagree.
 */
public final class TlsSettingsRule implements Rule {

    private static final Set<String> TLS_PROTOCOLS = Set.of("HTTPS", "TLS");
    private static final List<String> SIDECAR_UNSUPPORTED =
            List.of("subjectAltNames", "httpsRedirect", "credentialName", "credentialNames", "tlsCertificates");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "networking-tls-settings",
                "TLS modes come with the certificates they need",
                Set.of(Message.MG1107),
                Set.of(Kinds.DESTINATION_RULE, Kinds.GATEWAY, Kinds.SIDECAR));
    }

    @Override
    public void check(Context context) {
        context.onEach(
                Kinds.DESTINATION_RULE,
                dr -> TrafficPolicies.each(
                        dr, (policy, pointer) -> checkClient(context, dr, policy.path("tls"), pointer + "/tls")));
        context.onEach(
                Kinds.SIDECAR,
                sidecar -> Elements.each(
                        sidecar.at("/spec/ingress"),
                        "/spec/ingress",
                        (listener, pointer) -> checkSidecarIngress(context, sidecar, listener, pointer)));
        context.onEach(
                Kinds.GATEWAY,
                gateway -> Elements.each(
                        gateway.at("/spec/servers"),
                        "/spec/servers",
                        (server, pointer) -> checkServer(context, gateway, server, pointer)));
    }

    private static void checkClient(Context context, Resource dr, JsonNode tls, String pointer) {
        if (!tls.isObject()) {
            return;
        }
        String mode = tls.path("mode").asText("DISABLE");
        boolean files = has(tls, "clientCertificate") || has(tls, "privateKey") || has(tls, "caCertificates");
        if (mode.equals("ISTIO_MUTUAL") && files) {
            report(context, dr, pointer, "ISTIO_MUTUAL uses Istio's certificates: remove the certificate files");
        } else if (has(tls, "credentialName") && files) {
            report(context, dr, pointer, "credentialName cannot be combined with certificate files");
        } else if (mode.equals("MUTUAL")
                && !has(tls, "credentialName")
                && !(has(tls, "clientCertificate") && has(tls, "privateKey"))) {
            report(context, dr, pointer, "MUTUAL needs credentialName, or clientCertificate and privateKey");
        }
    }

    private static void checkServer(Context context, Resource gateway, JsonNode server, String pointer) {
        String protocol = server.path("port").path("protocol").asText("").toUpperCase(Locale.ROOT);
        JsonNode tls = server.path("tls");
        String tlsPointer = pointer + "/tls";
        if (TLS_PROTOCOLS.contains(protocol) && !tls.isObject()) {
            report(context, gateway, pointer + "/port/protocol", protocol + " servers need a tls block");
            return;
        }
        if (!tls.isObject()) {
            return;
        }
        String mode = tls.path("mode").asText("PASSTHROUGH");
        boolean redirectOnly = tls.path("httpsRedirect").asBoolean(false) && !tls.has("mode");
        if (!TLS_PROTOCOLS.contains(protocol) && !redirectOnly) {
            report(context, gateway, tlsPointer, protocol + " servers cannot have TLS settings (only httpsRedirect)");
            return;
        }
        boolean credential =
                has(tls, "credentialName") || tls.path("credentialNames").size() > 0;
        JsonNode certificates = tls.path("tlsCertificates");
        boolean listed = certificates.isArray() && !certificates.isEmpty();
        boolean files = has(tls, "serverCertificate") || has(tls, "privateKey");
        boolean mutual = mode.equals("MUTUAL") || mode.equals("OPTIONAL_MUTUAL");
        if (has(tls, "credentialName") && tls.path("credentialNames").size() > 0) {
            report(context, gateway, tlsPointer, "only one of credentialName and credentialNames may be set");
        } else if (credential && (files || listed)) {
            report(context, gateway, tlsPointer, "credentialName cannot be combined with certificate files");
        } else if (files && listed) {
            report(
                    context,
                    gateway,
                    tlsPointer,
                    "tlsCertificates cannot be combined with serverCertificate or privateKey");
        } else if ((mode.equals("SIMPLE") || mutual)
                && !credential
                && !listed
                && !(has(tls, "serverCertificate") && has(tls, "privateKey"))) {
            report(
                    context,
                    gateway,
                    tlsPointer + "/mode",
                    mode + " needs credentialName, or serverCertificate and privateKey");
        } else if ((mode.equals("SIMPLE") || mutual) && !credential && listed) {
            Elements.each(certificates, tlsPointer + "/tlsCertificates", (certificate, at) -> {
                if (!(has(certificate, "serverCertificate") && has(certificate, "privateKey"))) {
                    report(context, gateway, at, "each of tlsCertificates needs serverCertificate and privateKey");
                }
            });
        }
        boolean certified = listed != (has(tls, "serverCertificate") && has(tls, "privateKey"));
        if (mutual && !credential && certified && !has(tls, "caCertificates")) {
            report(context, gateway, tlsPointer + "/mode", mode + " needs caCertificates to verify clients");
        }
    }

    /** A Sidecar's ingress TLS: certificate files only, and none of what only Gateways do. */
    private static void checkSidecarIngress(Context context, Resource sidecar, JsonNode listener, String pointer) {
        JsonNode tls = listener.path("tls");
        if (!tls.isObject()) {
            return;
        }
        String tlsPointer = pointer + "/tls";
        for (String field : SIDECAR_UNSUPPORTED) {
            JsonNode value = tls.path(field);
            if ((value.isTextual() && !value.textValue().isEmpty())
                    || (value.isArray() && !value.isEmpty())
                    || (value.isBoolean() && value.booleanValue())) {
                report(context, sidecar, tlsPointer + "/" + field, "a Sidecar's ingress TLS does not support " + field);
            }
        }
        String mode = tls.path("mode").asText("PASSTHROUGH");
        String protocol = listener.path("port").path("protocol").asText("").toUpperCase(Locale.ROOT);
        if (mode.equals("ISTIO_MUTUAL") || mode.equals("AUTO_PASSTHROUGH")) {
            report(context, sidecar, tlsPointer + "/mode", "a Sidecar's ingress TLS cannot be " + mode);
        } else if (!TLS_PROTOCOLS.contains(protocol)) {
            report(context, sidecar, tlsPointer, protocol + " ports cannot have TLS settings");
        } else if ((mode.equals("SIMPLE") || mode.equals("MUTUAL") || mode.equals("OPTIONAL_MUTUAL"))
                && !(has(tls, "serverCertificate") && has(tls, "privateKey"))) {
            report(context, sidecar, tlsPointer + "/mode", mode + " needs serverCertificate and privateKey");
        } else if (!mode.equals("SIMPLE") && !mode.equals("PASSTHROUGH") && !has(tls, "caCertificates")) {
            report(context, sidecar, tlsPointer + "/mode", mode + " needs caCertificates to verify clients");
        }
    }

    private static boolean has(JsonNode tls, String field) {
        return tls.path(field).isTextual() && !tls.path(field).asText().isEmpty();
    }

    private static void report(Context context, Resource resource, String pointer, String detail) {
        context.report(Message.MG1107, resource, pointer, detail);
    }
}
