package dev.meshgate.analysis;

/**
 * Something a resource depends on that the input did not resolve, described so that the analysis can tell a missing
 * reference (an error or a warning, the rule's own code) from an unverified one ({@link Message#MG2003}, info): a
 * host, a subset, a gateway, a Secret or the workloads a selector picks, in one namespace, or wherever Istio looks
 * for it when the input cannot tell that namespace (null). {@link Index#verifiable} decides, {@link
 * Context#unresolved} reports.
 *
 * @param target what kind of thing is referenced
 * @param name how the reference names it, as the finding prints it
 * @param namespace where it must be, or null when that depends on something the input does not hold
 * @param reason why an unverified reference cannot be checked, for references without a namespace (else null: the
 *     index says why)
 */
public record Reference(Target target, String name, String namespace, String reason) {

    /** What a reference points at, as the input can own it. */
    public enum Target {
        /** A Service host (or a host a ServiceEntry serves). */
        HOST("host", "Service"),
        /** A DestinationRule subset of a host. */
        SUBSET("subset", "DestinationRule"),
        /** A Gateway a VirtualService binds to. */
        GATEWAY("gateway", "Gateway"),
        /** A Kubernetes Gateway (gateway.networking.k8s.io) a route attaches to. */
        KUBERNETES_GATEWAY("gateway", "Kubernetes Gateway"),
        /** A ReferenceGrant that lets a route refer to an object in another namespace. */
        REFERENCE_GRANT("ReferenceGrant", "ReferenceGrant"),
        /** A Secret, written or produced by a controller (cert-manager, External Secrets, Sealed Secrets). */
        SECRET("Secret", "Secret"),
        /** The workloads a selector picks (pod templates, Pods, WorkloadEntries, IstioOperator gateways). */
        WORKLOADS("workload selector", "workload"),
        /** A namespace a policy names (an AuthorizationPolicy's source namespaces). */
        NAMESPACE("namespace", "Namespace"),
        /**
         * Istio's sidecar injection webhooks and the labels they select namespaces and pods by: part of the
         * installation, which a repository seldom holds.
         */
        INJECTION_WEBHOOK("injection webhook", "MutatingWebhookConfiguration"),
        /** The service registry of a cluster of the mesh, known to istiod through a remote secret. */
        SERVICE_REGISTRY("service registry", "remote secret");

        private final String noun;
        private final String kind;

        Target(String noun, String kind) {
            this.noun = noun;
            this.kind = kind;
        }

        /** How a finding names it: "host", "subset", "gateway", "Secret", "workload selector", "namespace". */
        public String noun() {
            return noun;
        }

        /** The kind of object that provides it, as reasons name it: "Service", "Gateway", ... */
        public String kind() {
            return kind;
        }

        /** What resolves such a reference, as the unverified finding advises. */
        public String resolvedBy() {
            String lookUps = "check it with an inventory (validate --inventory) or cluster look-ups (meshgate.cluster)";
            return switch (this) {
                case HOST -> "declare it in knownHosts (.meshgate.yaml) or " + lookUps;
                    // Cluster look-ups list neither webhooks nor remote secrets; only the installation itself tells.
                case INJECTION_WEBHOOK, SERVICE_REGISTRY -> "add the Istio installation to the input, or declare the"
                        + " input the whole mesh (wholeMesh: true in .meshgate.yaml) when it holds it";
                default -> lookUps;
            };
        }
    }

    public Reference {
        if (namespace == null && reason == null) {
            throw new IllegalArgumentException("a reference without a namespace says why it cannot be checked");
        }
    }

    /** A reference to something in one namespace. */
    public static Reference in(String namespace, Target target, String name) {
        return new Reference(target, name, namespace, null);
    }

    /**
     * A reference Istio resolves wherever something the input does not hold is (the namespace of a gateway workload,
     * every namespace for a Gateway's selector); the reason says so in the unverified finding.
     */
    public static Reference wherever(Target target, String name, String reason) {
        return new Reference(target, name, null, reason);
    }

    /**
     * A reference to a host: a Service name points into its namespace; any other cluster-internal or external name
     * into none the input can tell.
     */
    public static Reference host(String fqdn, String clusterDomain) {
        String namespace = HostNames.serviceNamespace(fqdn, clusterDomain);
        return namespace != null
                ? in(namespace, Target.HOST, fqdn)
                : wherever(
                        Target.HOST,
                        fqdn,
                        "it is no Service name (name.namespace.svc." + clusterDomain + "), so no namespace of the input"
                                + " holds it");
    }
}
