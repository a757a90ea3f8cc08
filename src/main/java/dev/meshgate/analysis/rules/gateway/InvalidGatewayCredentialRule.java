package dev.meshgate.analysis.rules.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.Severity;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Secret a Gateway server's credentialName names is in the input with its data, and that data cannot serve TLS:
 * neither cert and key nor tls.crt and tls.key are both set, or the certificate does not parse or is expired or not
 * yet valid (IST0161). Secrets without data in the input (sealed, generated, listed by an inventory) are not judged.
 * Where the gateway workload is not in the input, Istio reads the Secret in a namespace the input does not tell: the
 * Gateway's own is taken as the likely layout, and the root namespace, where Istio installs its gateways, too, with a
 * warning rather than an error, since the gateway may run elsewhere.
 */
public final class InvalidGatewayCredentialRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "gateway-invalid-credential",
                "Every Gateway credential Secret of the input holds a current certificate and a key",
                Set.of(Message.IST0161),
                Kinds.withWorkloads(Kinds.GATEWAY, Kinds.SECRET));
    }

    @Override
    public void check(Context context) {
        String root = context.settings().rootNamespace();
        context.onEach(Kinds.GATEWAY, gateway -> {
            Set<String> namespaces = GatewayWorkloadNamespaces.of(gateway, context.index());
            boolean known = !namespaces.isEmpty();
            Set<String> where = known ? namespaces : new LinkedHashSet<>(List.of(gateway.namespace(), root));
            Elements.each(gateway.at("/spec/servers"), "/spec/servers", (server, serverPointer) -> {
                String credential = server.path("tls").path("credentialName").asText("");
                if (credential.isEmpty() || credential.contains("://")) {
                    return;
                }
                for (String namespace : where) {
                    Optional<Resource> secret = context.index().find(Kinds.SECRET, namespace, credential);
                    if (secret.isEmpty() || servesTls(secret.get())) {
                        continue;
                    }
                    // Without the workload, the installed gateways' namespace is only where Istio likely reads it.
                    boolean likely = !known && namespace.equals(root) && !namespace.equals(gateway.namespace());
                    context.report(
                            likely ? Severity.WARNING : Message.IST0161.severity(),
                            Message.IST0161,
                            gateway,
                            serverPointer + "/tls/credentialName",
                            gateway.name(),
                            namespace);
                }
            });
        });
    }

    /** Whether the Secret holds a certificate and key Istio can serve; true when its data is not in the input. */
    private static boolean servesTls(Resource secret) {
        JsonNode data = secret.at("/data");
        JsonNode plain = secret.at("/stringData");
        if (!data.isObject() && !plain.isObject()) {
            return true;
        }
        for (String[] keys : new String[][] {{"cert", "key"}, {"tls.crt", "tls.key"}}) {
            Optional<byte[]> certificate = value(data, plain, keys[0]);
            if (certificate.isPresent() && value(data, plain, keys[1]).isPresent()) {
                return current(certificate.get());
            }
        }
        return false;
    }

    /** A non-empty value of the Secret, from data (base64) or stringData; a base64 value that does not decode is none. */
    private static Optional<byte[]> value(JsonNode data, JsonNode plain, String key) {
        String text = plain.path(key).asText("");
        if (!text.isEmpty()) {
            return Optional.of(text.getBytes(StandardCharsets.UTF_8));
        }
        String encoded = data.path(key).asText("");
        if (encoded.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(encoded));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the first PEM certificate parses and every certificate in it is valid now. */
    private static boolean current(byte[] pem) {
        try {
            Date now = new Date();
            var certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
            if (certificates.isEmpty()) {
                return false;
            }
            for (var certificate : certificates) {
                ((X509Certificate) certificate).checkValidity(now);
            }
            return true;
        } catch (CertificateException e) {
            return false;
        }
    }
}
