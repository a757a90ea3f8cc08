package dev.meshgate.analysis.crd;

import dev.cel.runtime.CelEvaluationException;
import java.net.URI;
import java.net.URISyntaxException;

/** A CEL {@code kubernetes.URL}: an absolute URI or an absolute path, as the API server's {@code url()} accepts. */
record KubernetesUrl(URI uri) {

    static KubernetesUrl parse(String text) throws CelEvaluationException {
        try {
            URI uri = new URI(text);
            if (!uri.isAbsolute() && !text.startsWith("/")) {
                throw KubernetesCelFunctions.invalid("URL is not absolute and not an absolute path: " + text);
            }
            return new KubernetesUrl(uri);
        } catch (URISyntaxException e) {
            throw KubernetesCelFunctions.invalid("URL parse error: " + e.getMessage());
        }
    }

    static boolean isUrl(String text) {
        try {
            parse(text);
            return true;
        } catch (CelEvaluationException e) {
            return false;
        }
    }

    String scheme() {
        return uri.getScheme() == null ? "" : uri.getScheme();
    }

    /** Host and port as written, IPv6 addresses in brackets. */
    String host() {
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return "";
        }
        int at = authority.lastIndexOf('@');
        return at < 0 ? authority : authority.substring(at + 1);
    }

    /** The host without port and without IPv6 brackets. */
    String hostname() {
        String host = uri.getHost();
        if (host == null) {
            return "";
        }
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    String port() {
        return uri.getPort() < 0 ? "" : String.valueOf(uri.getPort());
    }

    String escapedPath() {
        return uri.getRawPath() == null ? "" : uri.getRawPath();
    }
}
