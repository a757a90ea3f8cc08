package dev.meshgate.analysis;

/** Istio's host-name rules: short names resolve in a namespace, and a leading "*" label matches any prefix. */
public final class HostNames {

    private HostNames() {}

    /** Istio's resolution of a host written in a resource of the given namespace: a name without dots is a short name. */
    public static String fqdn(String host, String namespace, String clusterDomain) {
        if (host == null || host.isEmpty() || host.equals("*") || host.indexOf('.') >= 0) {
            return host;
        }
        return host + "." + namespace + ".svc." + clusterDomain;
    }

    public static boolean isWildcard(String host) {
        return host != null && host.startsWith("*");
    }

    /** Whether a (possibly wildcard) pattern covers a concrete or wildcard host. */
    public static boolean matches(String pattern, String host) {
        if (pattern.equals(host) || pattern.equals("*")) {
            return true;
        }
        if (isWildcard(pattern)) {
            String suffix = pattern.substring(1);
            return host.endsWith(suffix) && host.length() > suffix.length();
        }
        return false;
    }

    /** Whether two host patterns can match a common host (used for conflicts between wildcards). */
    public static boolean overlap(String a, String b) {
        return matches(a, b) || matches(b, a);
    }

    /** Whether a fully qualified host names a Kubernetes Service ("name.namespace.svc.domain"). */
    public static boolean isClusterService(String fqdn, String clusterDomain) {
        return fqdn.endsWith(".svc." + clusterDomain);
    }

    /**
     * The namespace of a Service host, "name.namespace.svc.domain" (or "name.namespace.svc"); null for any other
     * host, which no namespace owns.
     */
    public static String serviceNamespace(String fqdn, String clusterDomain) {
        String name = null;
        if (fqdn.endsWith(".svc." + clusterDomain)) {
            name = fqdn.substring(0, fqdn.length() - (".svc." + clusterDomain).length());
        } else if (fqdn.endsWith(".svc")) {
            name = fqdn.substring(0, fqdn.length() - ".svc".length());
        }
        if (name == null || isWildcard(name)) {
            return null;
        }
        int dot = name.indexOf('.');
        return dot > 0 && dot == name.lastIndexOf('.') && dot < name.length() - 1 ? name.substring(dot + 1) : null;
    }

    /** Whether the host lies outside the cluster: it has a dot and is not under the cluster domain. */
    public static boolean isExternal(String fqdn, String clusterDomain) {
        return fqdn.indexOf('.') > 0
                && !isWildcard(fqdn)
                && !fqdn.endsWith("." + clusterDomain)
                && !fqdn.endsWith(".svc");
    }
}
