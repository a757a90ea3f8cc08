package dev.meshgate.analysis;

import java.util.List;
import java.util.Optional;

/**
 * Every message code of istioctl analyze, and for those meshgate does not report, why: what a repository (with an
 * inventory or cluster look-ups) cannot show. A code meshgate reports is in {@link Message}; a test keeps the two in
 * step.
 */
public final class IstioctlCodes {

    /** Why a code is left out: the kind of input it needs that a repository does not hold. */
    private static final String PODS = "needs running pods (their containers, images or sockets)";

    private static final String CONTROL_PLANE = "needs the live control plane (its version, environment or status)";

    private static final String CLUSTER = "needs the cluster's own state (CRD versions, permissions, versions)";

    /** One istioctl code: its name, and the reason meshgate leaves it out (empty when meshgate reports it). */
    public record Entry(String code, String name, Optional<String> missingBecause) {

        /** Whether meshgate reports this code. */
        public boolean implemented() {
            return missingBecause.isEmpty();
        }
    }

    private static final List<Entry> ALL = List.of(
            done("IST0001", "InternalError"),
            done("IST0002", "Deprecated"),
            done("IST0101", "ReferencedResourceNotFound"),
            done("IST0102", "NamespaceNotInjected"),
            done("IST0103", "PodMissingProxy"),
            done("IST0106", "SchemaValidationError"),
            done("IST0107", "MisplacedAnnotation"),
            done("IST0108", "UnknownAnnotation"),
            done("IST0109", "ConflictingMeshGatewayVirtualServiceHosts"),
            done("IST0110", "ConflictingSidecarWorkloadSelectors"),
            done("IST0111", "MultipleSidecarsWithoutWorkloadSelectors"),
            done("IST0112", "VirtualServiceDestinationPortSelectorRequired"),
            done("IST0113", "MTLSPolicyConflict"),
            done("IST0116", "DeploymentAssociatedToMultipleServices"),
            done("IST0118", "PortNameIsNotUnderNamingConvention"),
            done("IST0122", "InvalidRegexp"),
            done("IST0123", "NamespaceMultipleInjectionLabels"),
            done("IST0125", "InvalidAnnotation"),
            done("IST0126", "UnknownMeshNetworksServiceRegistry"),
            done("IST0127", "NoMatchingWorkloadsFound"),
            done("IST0128", "NoServerCertificateVerificationDestinationLevel"),
            done("IST0129", "NoServerCertificateVerificationPortLevel"),
            done("IST0130", "VirtualServiceUnreachableRule"),
            done("IST0131", "VirtualServiceIneffectiveMatch"),
            done("IST0132", "VirtualServiceHostNotFoundInGateway"),
            left(
                    "IST0133",
                    "SchemaWarning",
                    "meshgate reports the validating webhook's warnings under its own MG1xxx codes"),
            done("IST0134", "ServiceEntryAddressesRequired"),
            done("IST0135", "DeprecatedAnnotation"),
            done("IST0136", "AlphaAnnotation"),
            done("IST0137", "DeploymentConflictingPorts"),
            done("IST0138", "GatewayDuplicateCertificate"),
            done("IST0139", "InvalidWebhook"),
            done("IST0140", "IngressRouteRulesNotAffected"),
            left("IST0141", "InsufficientPermissions", CLUSTER),
            left("IST0142", "UnsupportedKubernetesVersion", CLUSTER),
            left("IST0143", "LocalhostListener", PODS),
            done("IST0144", "InvalidApplicationUID"),
            done("IST0145", "ConflictingGateways"),
            done("IST0146", "ImageAutoWithoutInjectionWarning"),
            done("IST0147", "ImageAutoWithoutInjectionError"),
            done("IST0148", "NamespaceInjectionEnabledByDefault"),
            done("IST0149", "JwtClaimBasedRoutingWithoutRequestAuthN"),
            done("IST0150", "ExternalNameServiceTypeInvalidPortName"),
            done("IST0151", "EnvoyFilterUsesRelativeOperation"),
            done("IST0152", "EnvoyFilterUsesReplaceOperationIncorrectly"),
            done("IST0153", "EnvoyFilterUsesAddOperationIncorrectly"),
            done("IST0154", "EnvoyFilterUsesRemoveOperationIncorrectly"),
            done("IST0155", "EnvoyFilterUsesRelativeOperationWithProxyVersion"),
            left("IST0156", "UnsupportedGatewayAPIVersion", CLUSTER),
            done("IST0157", "InvalidTelemetryProvider"),
            done("IST0158", "PodsIstioProxyImageMismatchInNamespace"),
            done("IST0159", "ConflictingTelemetryWorkloadSelectors"),
            done("IST0160", "MultipleTelemetriesWithoutWorkloadSelectors"),
            done("IST0161", "InvalidGatewayCredential"),
            done("IST0162", "GatewayPortNotDefinedOnService"),
            done("IST0163", "InvalidExternalControlPlaneConfig"),
            done("IST0164", "ExternalControlPlaneAddressIsNotAHostname"),
            done("IST0165", "ReferencedInternalGateway"),
            done("IST0166", "IneffectiveSelector"),
            done("IST0167", "IneffectivePolicy"),
            left("IST0168", "UnknownUpgradeCompatibility", CONTROL_PLANE),
            left("IST0169", "UpdateIncompatibility", CONTROL_PLANE),
            left("IST0170", "MultiClusterInconsistentService", "needs the Services of every cluster of the mesh"),
            done("IST0171", "NegativeConditionStatus"),
            left("IST0172", "FutureUnsupportedGatewayAPIVersion", CLUSTER),
            done("IST0173", "DestinationRuleSubsetNotSelectPods"),
            done("IST0174", "UnknownDestinationRuleHost"),
            done("IST0175", "JwksUriFetchUnrestricted"),
            done("IST0176", "GatewayAPICRDVersionBelowMinimum"),
            done("IST0177", "ConflictingServiceEntryProtocol"));

    private IstioctlCodes() {}

    /** Every istioctl code, ordered by code. */
    public static List<Entry> all() {
        return ALL;
    }

    private static Entry done(String code, String name) {
        return new Entry(code, name, Optional.empty());
    }

    private static Entry left(String code, String name, String because) {
        return new Entry(code, name, Optional.of(because));
    }
}
