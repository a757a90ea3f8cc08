package dev.meshgate.analysis;

import dev.meshgate.manifest.ResourceKind;
import java.util.LinkedHashSet;
import java.util.Set;

/** The kinds meshgate reads, named once so that rules and the index never spell a group twice. */
public final class Kinds {

    public static final String NETWORKING = "networking.istio.io";
    public static final String SECURITY = "security.istio.io";
    public static final String TELEMETRY = "telemetry.istio.io";
    public static final String EXTENSIONS = "extensions.istio.io";

    public static final ResourceKind VIRTUAL_SERVICE = ResourceKind.named(NETWORKING, "VirtualService");
    public static final ResourceKind DESTINATION_RULE = ResourceKind.named(NETWORKING, "DestinationRule");
    public static final ResourceKind GATEWAY = ResourceKind.named(NETWORKING, "Gateway");
    public static final ResourceKind SERVICE_ENTRY = ResourceKind.named(NETWORKING, "ServiceEntry");
    public static final ResourceKind SIDECAR = ResourceKind.named(NETWORKING, "Sidecar");
    public static final ResourceKind ENVOY_FILTER = ResourceKind.named(NETWORKING, "EnvoyFilter");
    public static final ResourceKind WORKLOAD_ENTRY = ResourceKind.named(NETWORKING, "WorkloadEntry");
    public static final ResourceKind WORKLOAD_GROUP = ResourceKind.named(NETWORKING, "WorkloadGroup");
    public static final ResourceKind PROXY_CONFIG = ResourceKind.named(NETWORKING, "ProxyConfig");
    public static final ResourceKind PEER_AUTHENTICATION = ResourceKind.named(SECURITY, "PeerAuthentication");
    public static final ResourceKind AUTHORIZATION_POLICY = ResourceKind.named(SECURITY, "AuthorizationPolicy");
    public static final ResourceKind REQUEST_AUTHENTICATION = ResourceKind.named(SECURITY, "RequestAuthentication");
    public static final ResourceKind TELEMETRY_KIND = ResourceKind.named(TELEMETRY, "Telemetry");
    public static final ResourceKind WASM_PLUGIN = ResourceKind.named(EXTENSIONS, "WasmPlugin");
    public static final ResourceKind ISTIO_OPERATOR = ResourceKind.named("install.istio.io", "IstioOperator");
    public static final String GATEWAY_API = "gateway.networking.k8s.io";
    public static final ResourceKind KUBERNETES_GATEWAY = ResourceKind.named(GATEWAY_API, "Gateway");
    public static final ResourceKind GATEWAY_CLASS = ResourceKind.named(GATEWAY_API, "GatewayClass");
    public static final ResourceKind HTTP_ROUTE = ResourceKind.named(GATEWAY_API, "HTTPRoute");
    public static final ResourceKind GRPC_ROUTE = ResourceKind.named(GATEWAY_API, "GRPCRoute");
    public static final ResourceKind TCP_ROUTE = ResourceKind.named(GATEWAY_API, "TCPRoute");
    public static final ResourceKind TLS_ROUTE = ResourceKind.named(GATEWAY_API, "TLSRoute");
    public static final ResourceKind REFERENCE_GRANT = ResourceKind.named(GATEWAY_API, "ReferenceGrant");

    public static final ResourceKind SERVICE = ResourceKind.named("", "Service");
    public static final ResourceKind SECRET = ResourceKind.named("", "Secret");
    public static final ResourceKind POD = ResourceKind.named("", "Pod");
    public static final ResourceKind NAMESPACE = ResourceKind.named("", "Namespace");
    public static final ResourceKind CUSTOM_RESOURCE_DEFINITION =
            ResourceKind.named("apiextensions.k8s.io", "CustomResourceDefinition");
    public static final ResourceKind CONFIG_MAP = ResourceKind.named("", "ConfigMap");
    public static final ResourceKind DEPLOYMENT = ResourceKind.named("apps", "Deployment");
    public static final ResourceKind STATEFUL_SET = ResourceKind.named("apps", "StatefulSet");
    public static final ResourceKind DAEMON_SET = ResourceKind.named("apps", "DaemonSet");
    public static final ResourceKind REPLICA_SET = ResourceKind.named("apps", "ReplicaSet");
    public static final ResourceKind JOB = ResourceKind.named("batch", "Job");
    public static final ResourceKind CRON_JOB = ResourceKind.named("batch", "CronJob");
    public static final ResourceKind ROLLOUT = ResourceKind.named("argoproj.io", "Rollout");
    public static final ResourceKind HPA = ResourceKind.named("autoscaling", "HorizontalPodAutoscaler");
    public static final String ADMISSION = "admissionregistration.k8s.io";
    public static final ResourceKind MUTATING_WEBHOOK = ResourceKind.named(ADMISSION, "MutatingWebhookConfiguration");
    public static final ResourceKind VALIDATING_WEBHOOK =
            ResourceKind.named(ADMISSION, "ValidatingWebhookConfiguration");
    public static final ResourceKind CERTIFICATE = ResourceKind.named("cert-manager.io", "Certificate");
    public static final ResourceKind EXTERNAL_SECRET = ResourceKind.named("external-secrets.io", "ExternalSecret");
    public static final ResourceKind SEALED_SECRET = ResourceKind.named("bitnami.com", "SealedSecret");

    /**
     * Every kind whose resources declare workloads: pod templates, Pods, WorkloadEntries and the gateways of an
     * IstioOperator. Asking the index for workloads reads all of them, so a rule that does declares this whole set.
     */
    public static final Set<ResourceKind> WORKLOADS = Set.of(
            DEPLOYMENT,
            STATEFUL_SET,
            DAEMON_SET,
            REPLICA_SET,
            JOB,
            CRON_JOB,
            ROLLOUT,
            POD,
            WORKLOAD_ENTRY,
            ISTIO_OPERATOR);

    /** The Gateway API's route kinds that Istio implements. */
    public static final Set<ResourceKind> ROUTES = Set.of(HTTP_ROUTE, GRPC_ROUTE, TCP_ROUTE, TLS_ROUTE);

    /**
     * Declared as an input by a rule that reads every resource whatever its kind (a per-resource check of all of
     * them); no API server serves a group called "*", so it never stands for a real kind.
     */
    public static final ResourceKind ANY = ResourceKind.named("*", "*");

    /** The kinds of a group together with more kinds, for a rule's declared inputs. */
    public static Set<ResourceKind> union(Set<ResourceKind> group, Set<ResourceKind> more) {
        Set<ResourceKind> all = new LinkedHashSet<>(group);
        all.addAll(more);
        return Set.copyOf(all);
    }

    private Kinds() {}

    /** The kinds given and every workload kind: for rules that match selectors against workloads. */
    public static Set<ResourceKind> withWorkloads(ResourceKind... kinds) {
        Set<ResourceKind> all = new java.util.HashSet<>(WORKLOADS);
        all.addAll(java.util.List.of(kinds));
        return Set.copyOf(all);
    }

    /** Whether the kind belongs to one of Istio's API groups that the typed model covers. */
    public static boolean isIstio(ResourceKind kind) {
        return switch (kind.group()) {
            case NETWORKING, SECURITY, TELEMETRY, EXTENSIONS -> true;
            default -> false;
        };
    }
}
