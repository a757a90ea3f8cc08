package dev.meshgate.manifest;

import java.util.Set;

/** Kinds that live outside namespaces, so that no default namespace is given to them. */
final class ClusterScopedKinds {

    private static final Set<String> KINDS = Set.of(
            "Namespace",
            "Node",
            "PersistentVolume",
            "ClusterRole",
            "ClusterRoleBinding",
            "CustomResourceDefinition",
            "StorageClass",
            "PriorityClass",
            "IngressClass",
            "MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration",
            "APIService",
            "RuntimeClass",
            "CSIDriver",
            "VolumeAttachment",
            "ClusterIssuer",
            "GatewayClass",
            "ClusterSecretStore",
            "ClusterExternalSecret",
            "ValidatingAdmissionPolicy",
            "ValidatingAdmissionPolicyBinding");

    private ClusterScopedKinds() {}

    static boolean contains(String kind) {
        return KINDS.contains(kind);
    }
}
