package dev.meshgate.analysis;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one catalog of finding codes, ordered by code. Codes from istioctl analyze (ISTnnnn) keep Istio's meaning so that
 * habits and suppressions carry over; meshgate's own codes are MGnnnn. Retired codes stay here as comments.
 */
public enum Message {

    // Istio's own codes, with Istio's meaning.
    IST0001(
            "InternalError",
            Severity.ERROR,
            "Internal error: %s",
            "meshgate itself failed while checking this input (a bug, not a problem of the configuration). The other "
                    + "checks still ran; please report it with the input that caused it."),
    IST0002(
            "Deprecated",
            Severity.WARNING,
            "Deprecated: %s",
            "The resource uses a field or a kind that Istio has deprecated: it still works, but later releases ignore "
                    + "or remove it. The message names the replacement."),
    IST0101(
            "ReferencedResourceNotFound",
            Severity.ERROR,
            "Referenced %s not found: \"%s\"",
            "A resource refers to another one (a subset, a host, a gateway, a secret) that is neither in the analysed "
                    + "input nor declared as known. Traffic that depends on it fails once the configuration is applied."),
    IST0102(
            "NamespaceNotInjected",
            Severity.INFO,
            "The namespace is not enabled for Istio injection. Run 'kubectl label namespace %s istio-injection=enabled' "
                    + "to enable it, or 'kubectl label namespace %s istio-injection=disabled' to explicitly mark it as "
                    + "not needing injection.",
            "A Namespace of the input has neither the istio-injection label nor istio.io/rev, so its pods get no "
                    + "sidecar unless each asks for one. Label it either way to make the choice explicit."),
    IST0103(
            "PodMissingProxy",
            Severity.WARNING,
            "The pod %s is missing the Istio proxy. This can often be resolved by restarting or redeploying the "
                    + "workload.",
            "A running Pod (one the input shows with its status, or any Pod when the input is the whole mesh) in a "
                    + "namespace labelled istio-injection=enabled has no istio-proxy container: it was created before "
                    + "injection was enabled or while the injector was down, and its traffic bypasses the mesh."),
    IST0106(
            "SchemaValidationError",
            Severity.ERROR,
            "Schema validation error: %s",
            "A field has a value of the wrong type or outside its allowed values, so the Kubernetes API server or "
                    + "Istio's validating webhook rejects the resource."),
    IST0107(
            "MisplacedAnnotation",
            Severity.WARNING,
            "Misplaced annotation: %s can only be applied to %s",
            "An Istio annotation sits on a kind it does not apply to (a pod annotation on a Deployment's own metadata "
                    + "instead of its pod template, a Service annotation on a pod), so Istio ignores it."),
    IST0108(
            "UnknownAnnotation",
            Severity.WARNING,
            "Unknown annotation: %s",
            "An annotation in an istio.io domain that Istio does not define: usually a typo, and Istio ignores it."),
    IST0109(
            "ConflictingMeshGatewayVirtualServiceHosts",
            Severity.ERROR,
            "The VirtualServices %s associated with mesh gateway define the same host %s which can lead to undefined "
                    + "behavior. This can be fixed by merging the conflicting VirtualServices into a single resource.",
            "Several VirtualServices bound to the mesh gateway define the same host; sidecars pick one of them in an "
                    + "undefined order, so routes silently disappear."),
    IST0110(
            "ConflictingSidecarWorkloadSelectors",
            Severity.ERROR,
            "The Sidecars %s in namespace \"%s\" select the same workload pod \"%s\", which can lead to undefined behavior.",
            "Two Sidecar resources select the same workload; the proxy applies only one of them."),
    IST0111(
            "MultipleSidecarsWithoutWorkloadSelectors",
            Severity.ERROR,
            "The Sidecars %s in namespace \"%s\" have no workload selector, which can lead to undefined behavior.",
            "A namespace may have only one Sidecar without a workload selector; with several, one is picked at random."),
    IST0112(
            "VirtualServiceDestinationPortSelectorRequired",
            Severity.ERROR,
            "This VirtualService routes to a service \"%s\" that exposes multiple ports %s. Specifying a port in the "
                    + "destination is required to disambiguate.",
            "A route names a Service with more than one port but no destination port, so Istio cannot tell which "
                    + "port the traffic is for and rejects or misroutes it."),
    IST0113(
            "MTLSPolicyConflict",
            Severity.ERROR,
            "A DestinationRule and Policy are in conflict with regards to mTLS for host %s. The DestinationRule \"%s\" "
                    + "specifies that mTLS must be %s but the Policy object \"%s\" specifies %s.",
            "A PeerAuthentication requires mutual TLS (STRICT) for workloads that a DestinationRule tells clients to "
                    + "reach without Istio mutual TLS, so every request between them is refused."),
    IST0116(
            "DeploymentAssociatedToMultipleServices",
            Severity.WARNING,
            "This deployment %s is associated with multiple services using port %s but different protocols: %s",
            "Services that select the same pods give one port number different protocols (TCP and UDP); the sidecar "
                    + "builds one listener per port and cannot serve both."),
    IST0118(
            "PortNameIsNotUnderNamingConvention",
            Severity.INFO,
            "Port name %s (port: %s, targetPort: %s) doesn't follow the naming convention of Istio port.",
            "Istio selects a port's protocol from its name (<protocol>[-<suffix>]) or appProtocol; other names fall "
                    + "back to protocol sniffing, which is slower and can misdetect server-first protocols."),
    IST0122(
            "InvalidRegexp",
            Severity.ERROR,
            "Field \"%s\" regular expression invalid: \"%s\" (%s)",
            "Envoy matches regular expressions with RE2. An expression that does not compile, or uses features RE2 "
                    + "lacks (look-around, back-references), is rejected by Istio and the route is dropped."),
    IST0123(
            "NamespaceMultipleInjectionLabels",
            Severity.WARNING,
            "The namespace has more than one type of injection labels %s, which may lead to undefined behavior. Make "
                    + "sure only one injection label exists.",
            "A Namespace carries istio-injection=enabled together with istio.io/rev (or the ambient data-plane "
                    + "label): which injector or data plane its pods get depends on the installation."),
    IST0125(
            "InvalidAnnotation",
            Severity.WARNING,
            "Invalid annotation %s: %s",
            "An Istio annotation's value is not of the form Istio expects (a port list, CIDR ranges, a resource "
                    + "quantity, a boolean); the sidecar injector rejects the pod or ignores the setting."),
    IST0126(
            "UnknownMeshNetworksServiceRegistry",
            Severity.ERROR,
            "Unknown service registry %s in network %s",
            "A network of meshNetworks takes its endpoints fromRegistry a cluster istiod does not know: neither its own "
                    + "cluster, nor Kubernetes, nor one of the remote secrets (Secrets labelled "
                    + "istio/multiCluster=true) that connect the mesh's other clusters. Those endpoints get no network, "
                    + "and cross-network traffic to them fails."),
    IST0127(
            "NoMatchingWorkloadsFound",
            Severity.WARNING,
            "No matching workloads for this resource with the following labels: %s",
            "The resource's workload selector matches no workload (Deployment, StatefulSet, DaemonSet, Pod, gateway) "
                    + "in the analysed input, or a namespace-wide AuthorizationPolicy's namespace has none, so it has no "
                    + "effect. Often a typo in a label."),
    IST0128(
            "NoServerCertificateVerificationDestinationLevel",
            Severity.WARNING,
            "DestinationRule %s in namespace %s has TLS mode set to %s but no caCertificates are set to validate "
                    + "server identity for host: %s",
            "A DestinationRule originates TLS (SIMPLE or MUTUAL) without caCertificates (or a credentialName for a "
                    + "selected workload), so the client cannot verify the server's certificate as configured."),
    IST0129(
            "NoServerCertificateVerificationPortLevel",
            Severity.WARNING,
            "DestinationRule %s in namespace %s has TLS mode set to %s but no caCertificates are set to validate "
                    + "server identity for host: %s at port %s",
            "A port-level TLS setting of a DestinationRule originates TLS (SIMPLE or MUTUAL) without caCertificates, "
                    + "so the client cannot verify the server's certificate as configured."),
    IST0130(
            "VirtualServiceUnreachableRule",
            Severity.WARNING,
            "VirtualService rule %s not used (%s).",
            "A route that no request reaches: it comes after a route without matches, or every one of its matches "
                    + "is an earlier route's. Routes are tried in order, so it is dead configuration."),
    IST0131(
            "VirtualServiceIneffectiveMatch",
            Severity.INFO,
            "VirtualService rule %s match %s is not used (duplicate/overlapping match in rule %s).",
            "A match that an earlier route's match already takes: the same conditions, or a URI prefix an earlier "
                    + "prefix covers with the same other conditions."),
    IST0132(
            "VirtualServiceHostNotFoundInGateway",
            Severity.WARNING,
            "one or more host %s defined in VirtualService %s not found in Gateway %s.",
            "A VirtualService bound to a Gateway names a host that none of the Gateway's servers accept (for the "
                    + "VirtualService's namespace), so requests for it never reach the routes."),
    IST0134(
            "ServiceEntryAddressesRequired",
            Severity.WARNING,
            "ServiceEntry addresses are required for this protocol.",
            "A ServiceEntry with a TCP (or unnamed, non-HTTP) port and no addresses: without an address the sidecar "
                    + "listens on 0.0.0.0 for that port and captures every TCP connection to it, whatever its host."),
    IST0135(
            "DeprecatedAnnotation",
            Severity.INFO,
            "Annotation \"%s\" has been deprecated%s and may not work in future Istio versions.",
            "An Istio annotation that Istio has deprecated; later releases may ignore it."),
    IST0136(
            "AlphaAnnotation",
            Severity.INFO,
            "Annotation \"%s\" is part of an alpha-phase feature and may be incompletely supported.",
            "An Istio annotation of an alpha-phase feature: it may change or go away between releases."),
    IST0137(
            "DeploymentConflictingPorts",
            Severity.WARNING,
            "This deployment %s is associated with multiple services %s using targetPort \"%s\" but different ports: %s.",
            "Services that select the same pods send different service ports to one target port; the sidecar keys "
                    + "inbound listeners by target port, so one of the port's protocols or settings wins."),
    IST0138(
            "GatewayDuplicateCertificate",
            Severity.WARNING,
            "Duplicate certificate in multiple gateways %s may cause 404s if clients re-use HTTP2 connections.",
            "Gateways on the same gateway workload serve the same certificate for different hosts: browsers reuse an "
                    + "HTTP/2 connection for every host of the certificate, and the listener of the other host "
                    + "answers 404."),
    IST0139(
            "InvalidWebhook",
            Severity.ERROR,
            "%s",
            "One of Istio's sidecar injector webhooks sees the same pods as another (the pod is injected twice), or "
                    + "calls a control-plane Service that does not exist (the API server cannot reach the injector)."),
    IST0140(
            "IngressRouteRulesNotAffected",
            Severity.WARNING,
            "Subset in virtual service %s has no effect on ingress gateway %s requests",
            "A VirtualService bound to a gateway routes to a host without a subset, while another VirtualService "
                    + "for that host splits its traffic by subset. The gateway applies only its own VirtualService, "
                    + "so requests that enter through it skip the subset routing; route to the subsets in the "
                    + "gateway's VirtualService too."),
    IST0144(
            "InvalidApplicationUID",
            Severity.WARNING,
            "User ID (UID) 1337 is reserved for the sidecar proxy.",
            "An application container (or its pod) runs as user 1337, the sidecar proxy's: the traffic rules let "
                    + "that user's connections bypass the proxy, so the application's traffic escapes the mesh."),
    IST0145(
            "ConflictingGateways",
            Severity.ERROR,
            "Conflict with gateways %s (workload selector %s, port %s, hosts %s).",
            "Two Gateways select the same gateway workload and bind the same port and host; Envoy keeps one of the "
                    + "listeners and the other configuration is ignored."),
    IST0146(
            "ImageAutoWithoutInjectionWarning",
            Severity.WARNING,
            "%s %s contains `image: auto` but does not match any Istio injection webhook selectors.",
            "A Deployment's istio-proxy container has image: auto, which only Istio's injector replaces with the "
                    + "proxy image, but no injector webhook of the input selects its pods: they fail to pull an "
                    + "image called auto."),
    IST0147(
            "ImageAutoWithoutInjectionError",
            Severity.ERROR,
            "%s %s contains `image: auto` but does not match any Istio injection webhook selectors.",
            "A Pod's istio-proxy container has image: auto, which only Istio's injector replaces with the proxy "
                    + "image, but no injector webhook of the input selects it: it fails to pull an image called auto."),
    IST0148(
            "NamespaceInjectionEnabledByDefault",
            Severity.INFO,
            "is enabled for Istio injection, as Istio is installed with enableNamespacesByDefault as true.",
            "A Namespace without injection labels, where the input's sidecar injector configuration "
                    + "(sidecarInjectorWebhook.enableNamespacesByDefault) injects every namespace that does not opt "
                    + "out: its pods get sidecars although no label says so."),
    IST0149(
            "JwtClaimBasedRoutingWithoutRequestAuthN",
            Severity.ERROR,
            "The virtual service uses the JWT claim based routing (key: %s) but found no request authentication for "
                    + "the gateway (%s) pod (%s). The request authentication must first be applied for the gateway "
                    + "pods to validate the JWT token and make the claims available for routing.",
            "A route matches on a JWT claim (@request.auth.claims) at a gateway whose pods no RequestAuthentication "
                    + "selects: the claims are never available, so the route never matches."),
    IST0150(
            "ExternalNameServiceTypeInvalidPortName",
            Severity.WARNING,
            "Port name for ExternalName service is invalid. Proxy may prevent tcp named ports and unmatched traffic "
                    + "for ports serving TCP protocol from being forwarded correctly",
            "An ExternalName Service port named tcp, or named outside Istio's convention: the sidecar treats the "
                    + "port as plain TCP for every host, so traffic for the external name may not be forwarded."),
    IST0151(
            "EnvoyFilterUsesRelativeOperation",
            Severity.WARNING,
            "This EnvoyFilter does not have a priority and has a relative patch operation set which can cause the "
                    + "EnvoyFilter not to be applied. Using the INSERT_FIRST of ADD option or setting the priority may "
                    + "help in ensuring the EnvoyFilter is applied correctly.",
            "A patch inserts before or after, replaces or removes relative to other configuration, and the "
                    + "EnvoyFilter sets no priority: whether what it patches exists yet depends on the order in which "
                    + "EnvoyFilters are applied."),
    IST0152(
            "EnvoyFilterUsesReplaceOperationIncorrectly",
            Severity.ERROR,
            "The REPLACE operation is only valid for HTTP_FILTER and NETWORK_FILTER.",
            "A REPLACE patch applies to something other than an HTTP filter, a network filter or a virtual host; "
                    + "Istio ignores it."),
    IST0153(
            "EnvoyFilterUsesAddOperationIncorrectly",
            Severity.ERROR,
            "The ADD operation will be ignored when applyTo is set to ROUTE_CONFIGURATION, or HTTP_ROUTE.",
            "An ADD patch on a route configuration or an HTTP route is ignored by Istio."),
    IST0154(
            "EnvoyFilterUsesRemoveOperationIncorrectly",
            Severity.ERROR,
            "The REMOVE operation will be ignored when applyTo is set to ROUTE_CONFIGURATION, or HTTP_ROUTE.",
            "A REMOVE patch on a route configuration or an HTTP route is ignored by Istio."),
    IST0155(
            "EnvoyFilterUsesRelativeOperationWithProxyVersion",
            Severity.WARNING,
            "This EnvoyFilter does not have a priority and has a relative patch operation (NSTERT_BEFORE/AFTER, "
                    + "REPLACE, MERGE, DELETE) and proxyVersion set which can cause the EnvoyFilter not to be applied "
                    + "during an upgrade. Using the INSERT_FIRST or ADD option or setting the priority may help in "
                    + "ensuring the EnvoyFilter is applied correctly.",
            "A relative patch without a priority, for a filter that another patch scopes to a proxy version: during "
                    + "an upgrade, proxies of the other version may not have what the patch is relative to."),
    IST0157(
            "InvalidTelemetryProvider",
            Severity.WARNING,
            "The Telemetry %s in namespace \"%s\" with empty providers will be ignored.",
            "An accessLogging entry of a Telemetry names no provider while the mesh configuration sets no default "
                    + "access-logging provider, so the entry has nothing to log with and is ignored. Name a provider "
                    + "(envoy, or one of meshConfig.extensionProviders) or set defaultProviders.accessLogging."),
    IST0158(
            "PodsIstioProxyImageMismatchInNamespace",
            Severity.WARNING,
            "The Istio proxy images of the pods running in the namespace do not match the image defined in the "
                    + "injection configuration (pod names: %s). This often happens after upgrading the Istio "
                    + "control-plane and can be fixed by redeploying the pods.",
            "Pods of an injected namespace run an istio-proxy image other than the one the input's sidecar injector "
                    + "configuration (the istio-sidecar-injector ConfigMap) gives: a proxy older or newer than the "
                    + "control plane, until the pods are recreated."),
    IST0159(
            "ConflictingTelemetryWorkloadSelectors",
            Severity.WARNING,
            "The Telemetries %s in namespace \"%s\" select the same workload pod \"%s\", which can lead to undefined "
                    + "behavior.",
            "Two Telemetry resources select the same workload; Istio applies one of them. An error in istioctl, a "
                    + "warning here: telemetry settings do not change traffic."),
    IST0160(
            "MultipleTelemetriesWithoutWorkloadSelectors",
            Severity.WARNING,
            "The Telemetries %s in namespace \"%s\" have no workload selector, which can lead to undefined behavior.",
            "A namespace may have one Telemetry without a selector; with several, one is picked. An error in "
                    + "istioctl, a warning here: telemetry settings do not change traffic."),
    IST0161(
            "InvalidGatewayCredential",
            Severity.ERROR,
            "The credential referenced by the Gateway %s in namespace %s is invalid, which can cause the traffic not "
                    + "to work as expected.",
            "The Secret a Gateway server's credentialName names lacks a certificate or key, or holds a certificate "
                    + "that does not parse or has expired: the gateway cannot serve TLS for that server."),
    IST0162(
            "GatewayPortNotDefinedOnService",
            Severity.WARNING,
            "The gateway is listening on a target port (port %s) that is not defined in the Service associated with "
                    + "its workload instances (Pod selector %s). If you need to access the gateway port through the "
                    + "gateway Service, it will not be available.",
            "A Gateway server's port is neither a port nor a target port of the Services in front of the gateway "
                    + "workload: the listener exists, but no traffic through the Service reaches it."),
    IST0163(
            "InvalidExternalControlPlaneConfig",
            Severity.WARNING,
            "The hostname (%s) that was provided for the webhook (%s) to reach the ingress gateway on the external "
                    + "control plane cluster %s. Traffic may not flow properly.",
            "One of Istio's webhooks on a cluster whose control plane runs elsewhere names neither a URL nor a "
                    + "Service, or a URL that does not parse: the API server cannot call it."),
    IST0164(
            "ExternalControlPlaneAddressIsNotAHostname",
            Severity.INFO,
            "The address (%s) that was provided for the webhook (%s) to reach the ingress gateway on the external "
                    + "control plane cluster is an IP address. This is not recommended for a production environment.",
            "One of Istio's webhooks reaches an external control plane by IP address: it breaks when the address "
                    + "changes, and a certificate for it cannot name a host."),
    IST0165(
            "ReferencedInternalGateway",
            Severity.WARNING,
            "Gateway reference in VirtualService %s is to an implementation-generated internal Gateway: %s.",
            "A VirtualService binds to a Gateway that Istio generates from a Kubernetes Gateway (named with the "
                    + "-istio-autogenerated-k8s-gateway suffix); such names are internal and change without notice."),
    IST0166(
            "IneffectiveSelector",
            Severity.WARNING,
            "Ineffective selector on Kubernetes Gateway %s. Use the TargetRef field instead.",
            "A policy (AuthorizationPolicy, RequestAuthentication, Telemetry, WasmPlugin) selects the pods Istio "
                    + "deploys for a Kubernetes Gateway by their labels. Istio does not apply workload selectors to "
                    + "those gateways: attach the policy with targetRefs naming the Gateway."),
    IST0167(
            "IneffectivePolicy",
            Severity.WARNING,
            "The policy has no impact: %s.",
            "The policy applies to workloads that have no sidecar: a Sidecar in a namespace that runs in ambient mode "
                    + "(istio.io/dataplane-mode=ambient on its Namespace, with no injection label), or one selecting "
                    + "pods whose traffic the ambient data plane redirects. Ambient proxies do not read Sidecars, so "
                    + "nothing it says takes effect."),
    IST0171(
            "NegativeConditionStatus",
            Severity.WARNING,
            "A condition with a negative status is present: type=%s, reason=%s, message=%s.",
            "The status written on a resource of the input (by Istio or a Gateway API controller) says it is not "
                    + "accepted, not programmed, or that its references do not resolve, or that a waypoint does not "
                    + "bind or enforce it. The input holds a copy of cluster state: the condition was true when it "
                    + "was taken."),
    IST0173(
            "DestinationRuleSubsetNotSelectPods",
            Severity.WARNING,
            "The subset \"%s\" defined in the DestinationRule does not select any workload (labels: %s).",
            "A DestinationRule subset whose labels match no workload behind its host has no endpoints; requests "
                    + "routed to it fail with 503 (no healthy upstream)."),
    IST0174(
            "UnknownDestinationRuleHost",
            Severity.WARNING,
            "The host %s defined in the DestinationRule does not match any services in the mesh.",
            "A DestinationRule's host matches no Service or ServiceEntry visible to it: its traffic policy and "
                    + "subsets apply to nothing (often a typo in the host)."),
    IST0175(
            "JwksUriFetchUnrestricted",
            Severity.WARNING,
            "BLOCKED_CIDRS_IN_JWKS_URIS is not configured but %s RequestAuthentication resource(s) exist (%s). "
                    + "Consider configuring it to restrict JWKS URI fetches to trusted networks.",
            "istiod fetches the jwksUri of every RequestAuthentication from inside the cluster; the istiod "
                    + "Deployment of the input does not set BLOCKED_CIDRS_IN_JWKS_URIS, so whoever may write a "
                    + "RequestAuthentication can make istiod call internal addresses."),
    IST0176(
            "GatewayAPICRDVersionBelowMinimum",
            Severity.WARNING,
            "Gateway API CRD \"%s\" is at version \"%s\" but Istio requires at least \"%s\"; resources of this kind"
                    + " will not be processed. Upgrade the Gateway API CRDs to satisfy the minimum version.",
            "A Gateway API CRD (its gateway.networking.k8s.io/bundle-version annotation) is older than current Istio "
                    + "reads: Istio ignores the kind, so its routes never attach and their listeners are never "
                    + "programmed."),
    IST0177(
            "ConflictingServiceEntryProtocol",
            Severity.WARNING,
            "Multiple ServiceEntries (%s) define the same host \"%s\" and port %s with conflicting protocols (%s).",
            "ServiceEntries give one host and port different protocols; Istio keeps one of them, so the others' "
                    + "traffic is handled with the wrong protocol."),

    // meshgate: reading manifests.
    MG0001(
            "YamlSyntaxError",
            Severity.ERROR,
            "Invalid YAML: %s",
            "The file is not well-formed YAML or JSON. The rest of the file after the error cannot be read; other "
                    + "files are still analysed."),
    MG0002(
            "ManifestLimitExceeded",
            Severity.ERROR,
            "Manifest over a safety limit: %s",
            "The file hits one of meshgate's safety limits (file size, aliases, nesting depth, expanded size). These "
                    + "limits protect the gate from hostile or runaway input; the file is not analysed."),
    MG0003(
            "NotAKubernetesObject",
            Severity.ERROR,
            "Not a Kubernetes object: %s",
            "A YAML document lacks apiVersion, kind or metadata.name, or is not a mapping, in a file that holds "
                    + "Kubernetes objects. kubectl, Argo CD and Flux refuse to apply it. Files that hold no Kubernetes "
                    + "object at all (package.json, Helm values, CI configurations) are skipped and counted instead."),
    MG0004(
            "DuplicateKey",
            Severity.WARNING,
            "Duplicate key: %s",
            "A mapping repeats a key. Kubernetes' YAML reader keeps the last value, so the object is accepted with "
                    + "one of the two values silently dropped (strict field validation may refuse it instead): the "
                    + "intent is unclear. A warning, since the API server does not reject it as Argo CD and Flux "
                    + "apply it."),
    MG0005(
            "FileUnreadable",
            Severity.ERROR,
            "File cannot be read: %s",
            "The file exists but could not be read (permissions, encoding, I/O error)."),
    MG0006(
            "DuplicateResource",
            Severity.ERROR,
            "%s is defined more than once (also at %s)",
            "Two documents define the same kind, namespace and name. Only one of them is applied, and which one "
                    + "depends on the tool."),
    MG0007(
            "RenderFailed",
            Severity.ERROR,
            "Rendering failed: %s",
            "Kustomize or Helm could not render an application (a bad kustomization, a template error, a time or "
                    + "size limit). Argo CD and Flux would fail the same sync, and nothing of the application is "
                    + "analysed until it renders."),
    MG0008(
            "ApplicationNotAnalysed",
            Severity.WARNING,
            "Not analysed: %s",
            "An application needs something meshgate does not fetch, such as a remote kustomize base. Argo CD and "
                    + "Flux fetch it and may sync the application fine, so this is no error; but nothing of the "
                    + "application was checked. Vendor the base into the repository, or allow remote bases "
                    + "(--allow-remote-bases, meshgate.render.allow-remote-bases)."),

    // meshgate: structure of Istio resources.
    MG1001(
            "UnknownField",
            Severity.ERROR,
            "Unknown field %s (%s)",
            "The field is not part of the Istio API for this kind and version. Strict field validation rejects the "
                    + "resource; with pruning it is silently dropped, so the intended behaviour never happens."),

    // meshgate: semantics Istio's validating webhook rejects (istioctl reports these as IST0106).
    MG1101(
            "InvalidRouteWeight",
            Severity.ERROR,
            "Invalid route weight: %s",
            "Route weights must not be negative, and at least one destination of a route must have a positive "
                    + "weight. Istio's validating webhook rejects the VirtualService otherwise."),
    MG1102(
            "RouteWeightsNotHundred",
            Severity.WARNING,
            "Route weights add up to %s, not 100",
            "Istio accepts weights that do not add up to 100 and normalizes them, which is rarely what the author "
                    + "meant: a canary of 10 next to 100 gets 9%, not 10%."),
    MG1103(
            "InvalidDuration",
            Severity.ERROR,
            "Invalid duration for %s: \"%s\" (%s)",
            "Durations are written as a decimal number with a unit (\"1.5s\", \"300ms\"); Istio requires at least "
                    + "one millisecond for most timeouts and intervals."),
    MG1104(
            "InvalidHost",
            Severity.ERROR,
            "Invalid host \"%s\": %s",
            "Hosts are DNS names or service short names, by the rules of Istio's webhook for each field: a wildcard "
                    + "only in the first label (\"*.example.com\", or \"*foo.example.com\" where partial wildcards are "
                    + "allowed), IP addresses where Istio takes them, \"namespace/host\" with a full name on Gateways "
                    + "and Sidecars. Wildcards elsewhere, empty labels, labels over 63 characters, an all-digit last "
                    + "label and similar are rejected."),
    MG1105(
            "InvalidPort",
            Severity.ERROR,
            "Invalid port %s: %s",
            "Port numbers must be between 1 and 65535 (0 only on a Unix domain socket), Gateway servers need a "
                    + "protocol Istio knows, and a ServiceEntry port's protocol, when written, must be one (without one, "
                    + "Istio sniffs it)."),
    MG1106(
            "InvalidMatch",
            Severity.ERROR,
            "Invalid match condition: %s",
            "A match condition is empty, uses an upper-case header name, or combines conditions Istio rejects."),
    MG1107(
            "InvalidTlsSettings",
            Severity.ERROR,
            "Invalid TLS settings: %s",
            "The TLS mode and the certificate fields do not fit together (for example MUTUAL without a client "
                    + "certificate, or a credentialName next to file paths), so Istio rejects the resource."),
    MG1108(
            "MutuallyExclusiveFields",
            Severity.ERROR,
            "Fields cannot be used together: %s",
            "The API allows only one of these fields at a time (for example a redirect and a route in one HTTP "
                    + "route, or a selector and a targetRef)."),
    MG1109(
            "DuplicateName",
            Severity.ERROR,
            "Duplicate name: %s",
            "Names that must be unique within the resource (DestinationRule subsets, Gateway server port names, "
                    + "HTTP route names) are repeated."),
    MG1110(
            "MissingRequiredField",
            Severity.ERROR,
            "Missing required field: %s",
            "A field Istio requires is absent or empty, for example a VirtualService without hosts, a destination "
                    + "without a host or a PeerAuthentication with port-level mTLS but no selector."),
    MG1111(
            "InvalidFieldValue",
            Severity.ERROR,
            "Invalid value for %s: %s",
            "A value is outside the range Istio accepts (percentages over 100, negative retry attempts, an invalid "
                    + "URL, an unknown condition key, ...)."),
    MG1120(
            "InvalidWorkloadSelector",
            Severity.ERROR,
            "Invalid workload selector label \"%s\": %s",
            "A workload selector's label has an empty key or a wildcard in its key or value. Selectors match labels "
                    + "exactly, so Istio's validating webhook (and the CRDs' rules) reject both."),
    MG1121(
            "InvalidTargetRef",
            Severity.ERROR,
            "Invalid %s: %s",
            "A policy's targetRef or targetRefs entry lacks a name or kind, names a namespace (cross-namespace "
                    + "references are not supported), has a malformed group or kind, or points at a kind policies "
                    + "cannot attach to (only Service, ServiceEntry, Gateway and GatewayClass)."),
    MG1122(
            "InvalidLabel",
            Severity.ERROR,
            "Invalid label \"%s\": %s",
            "A label of a WorkloadEntry, a WorkloadGroup or a ServiceEntry endpoint is not a Kubernetes label: keys "
                    + "are an optional DNS prefix and a slash before a name of letters, digits, '-', '_' and '.', "
                    + "beginning and ending with a letter or digit; values follow the name's rule or are empty."),
    MG1123(
            "InvalidAddress",
            Severity.ERROR,
            "Invalid address \"%s\": %s",
            "An address is neither an IP address nor a host name where Istio takes either, a CIDR block is "
                    + "malformed, or a Unix domain socket address (unix://) is not an absolute file path or an abstract "
                    + "socket (@name), or comes with ports."),
    MG1124(
            "InvalidHeaderName",
            Severity.ERROR,
            "Invalid header name \"%s\": %s",
            "A header name Istio writes or probes (a JWT claim copied to a header, a readiness probe's header) "
                    + "holds characters other than letters, digits and '-' (and '_' where allowed), so the webhook "
                    + "rejects it. Pseudo-headers such as :authority cannot be set this way."),
    MG1125(
            "InvalidServiceEntryResolution",
            Severity.ERROR,
            "Resolution %s does not fit: %s",
            "A ServiceEntry's resolution does not fit its endpoints, addresses, hosts or ports: NONE takes no "
                    + "endpoints, CIDR addresses need NONE or STATIC, DNS without endpoints needs plain host names, "
                    + "DNS_ROUND_ROBIN takes at most one endpoint, DYNAMIC_DNS needs wildcard hosts and no addresses or "
                    + "endpoints, and several hosts need HTTP or TLS ports unless the resolution is NONE."),
    MG1126(
            "SingleRouteWeightNotHundred",
            Severity.WARNING,
            "The only destination of this route has weight %s; it receives all the traffic, as if its weight were 100",
            "A route with a single destination gives it a weight below 100. Istio sends it all the traffic anyway, "
                    + "so the weight suggests a split that does not happen: add the other destination or drop the "
                    + "weight. Kiali reports this as KIA1104."),

    // meshgate: structure judged by the CustomResourceDefinitions of the Istio that receives the configuration.
    MG1201(
            "CrdSchemaViolation",
            Severity.ERROR,
            "%s: %s",
            "The value breaks the OpenAPI schema of its kind's CustomResourceDefinition (type, format, enum, bounds, "
                    + "lengths, pattern, required fields, oneOf/anyOf/not, list keys, a version the CRD does not "
                    + "serve), so the API server rejects the resource."),
    MG1202(
            "CrdValidationRuleFailed",
            Severity.ERROR,
            "%s: %s",
            "A CEL validation rule (x-kubernetes-validations) of the kind's CustomResourceDefinition is false for "
                    + "this value; the message is the CRD's own. The API server rejects the resource."),
    MG1203(
            "CrdValidationRuleNotEvaluated",
            Severity.WARNING,
            "%s: %s",
            "A CEL validation rule of the kind's CustomResourceDefinition could not be evaluated for this value: it "
                    + "raised an error or exceeded the cost limit the API server applies. The API server rejects a "
                    + "resource whose rules cannot be evaluated; check the value the rule reads."),
    MG1204(
            "CrdNotUsable",
            Severity.WARNING,
            "CustomResourceDefinition %s cannot be used (%s): its kinds are checked with the next source of structure",
            "meshgate could not read this CustomResourceDefinition's schema as the API server would (a malformed "
                    + "schema, a pattern that does not compile, no versions). Resources of its kinds are checked "
                    + "against the next source of knowledge: the cluster's or the inventory's CRDs, --crds, or "
                    + "meshgate's built-in model."),
    MG1205(
            "CrdRuleDoesNotCompile",
            Severity.WARNING,
            "CustomResourceDefinition %s: %s; the rule is skipped",
            "A CEL validation rule of this CustomResourceDefinition does not compile, so the API server would refuse "
                    + "the CRD itself. meshgate skips the rule and checks the rest of the schema."),

    // meshgate: references across resources.
    MG2001(
            "ConflictingGatewayVirtualServiceHosts",
            Severity.WARNING,
            "The %s of this VirtualService can be taken entirely by a route of %s: both are bound to gateway %s for "
                    + "host %s, and Istio merges their routes in an undefined order.",
            "A gateway merges the VirtualServices that define the same host, concatenating their routes in an order "
                    + "between VirtualServices that is not defined. With disjoint matches (one VirtualService per "
                    + "application, each with its own path prefix) that is fine; a catch-all, a shorter prefix or the "
                    + "same match in another VirtualService can take every request of this route."),
    MG2002(
            "MultipleDestinationRulesForHost",
            Severity.WARNING,
            "This DestinationRule defines %s again, but Istio merges it into DestinationRule %s for host %s and keeps "
                    + "the first definition, so this one is ignored.",
            "Istio merges the DestinationRules for one host in one namespace (without workload selectors, or with "
                    + "the same one): subsets are concatenated and the first top-level traffic policy is kept. A subset "
                    + "name defined again with other content, or a second top-level traffic policy, is silently "
                    + "ignored; which rule counts as first follows creation time."),
    MG2003(
            "UnverifiedReference",
            Severity.INFO,
            "Referenced %s \"%s\" is not verified: %s; %s",
            "A reference points into what the analysed input does not manage (a namespace it declares nothing in, "
                    + "the Istio installation, a gateway workload installed with Istio, another team's Services), so "
                    + "it can be neither confirmed nor called missing. Declared knownHosts (.meshgate.yaml) resolve "
                    + "hosts; an inventory (meshgate inventory, validate --inventory) or cluster look-ups "
                    + "(meshgate.cluster) resolve any reference; with them, one into a namespace the cluster holds "
                    + "that resolves neither in the input nor there is missing."),
    MG2004(
            "MultiplePeerAuthenticationsWithoutSelector",
            Severity.WARNING,
            "The PeerAuthentications %s in namespace \"%s\" have no workload selector; Istio applies only the oldest "
                    + "of them.",
            "A namespace (or the root namespace, mesh-wide) may have one PeerAuthentication without a selector; with "
                    + "several, Istio applies the oldest and ignores the others' mTLS mode. Kiali reports this as "
                    + "KIA0002."),
    MG2005(
            "ConflictingPeerAuthenticationSelectors",
            Severity.WARNING,
            "The PeerAuthentications %s in namespace \"%s\" select the same workload \"%s\"; Istio applies only the "
                    + "oldest of them.",
            "Several PeerAuthentications select the same workload; Istio applies the oldest one and ignores the "
                    + "others' mTLS mode. Kiali reports this as KIA0003."),
    MG2020(
            "NamespaceWideMtlsDisabledAgainstStrict",
            Severity.ERROR,
            "This DestinationRule disables TLS for %s, but PeerAuthentication %s makes namespace %s STRICT, so "
                    + "its servers refuse the plain text; make the namespace PERMISSIVE or let clients use ISTIO_MUTUAL.",
            "A DestinationRule for every service of its namespace (*.ns.svc.cluster.local) sets tls mode DISABLE "
                    + "while the namespace's PeerAuthentication (without a selector) is STRICT: clients send plain "
                    + "text that the servers refuse. Kiali reports this as KIA0207."),
    MG2021(
            "WideMtlsDisabledAgainstMeshStrict",
            Severity.ERROR,
            "This DestinationRule disables TLS for %s, but the mesh-wide PeerAuthentication %s is STRICT, so servers "
                    + "refuse the plain text; make it PERMISSIVE or let clients use ISTIO_MUTUAL.",
            "A DestinationRule for every service of the mesh (*.local), or of a namespace that sets no mode of its "
                    + "own, sets tls mode DISABLE while the mesh-wide PeerAuthentication (root namespace, no "
                    + "selector) is STRICT: clients send plain text that the servers refuse. Kiali reports this as "
                    + "KIA0208."),
    MG2022(
            "NamespaceMtlsDisabledAgainstDestinationRule",
            Severity.ERROR,
            "This PeerAuthentication disables mutual TLS in namespace %s, but DestinationRule %s (host %s) sends %s; "
                    + "add a DestinationRule for %s with tls mode DISABLE.",
            "A PeerAuthentication without a selector sets mtls mode DISABLE for its namespace while a DestinationRule "
                    + "for the namespace's services (or the mesh's, *.local, with none for the namespace) tells "
                    + "clients to send mutual TLS: the servers no longer terminate it, so requests fail. Kiali "
                    + "reports this as KIA0505."),
    MG2023(
            "MeshMtlsDisabledAgainstDestinationRule",
            Severity.ERROR,
            "This mesh-wide PeerAuthentication disables mutual TLS, but DestinationRule %s (host *.local) sends %s; "
                    + "set its tls mode to DISABLE.",
            "The mesh-wide PeerAuthentication (root namespace, no selector) sets mtls mode DISABLE while a "
                    + "DestinationRule for every service of the mesh (*.local) tells clients to send mutual TLS: the "
                    + "servers no longer terminate it, so requests fail. Kiali reports this as KIA0506."),
    MG2024(
            "MultipleRequestAuthenticationsWithoutSelector",
            Severity.INFO,
            "The RequestAuthentications %s in namespace \"%s\" have no workload selector; Istio combines their JWT "
                    + "rules for every workload there.",
            "A namespace has several RequestAuthentications without a selector. Istio accepts a token that any of "
                    + "their rules accepts, for every workload of the namespace: legal, and sometimes meant (two "
                    + "issuers on one gateway), but each one's issuers are trusted where the others apply; merge "
                    + "them into one to make that explicit. Kiali reports this as KIA0002."),
    MG2025(
            "ConflictingRequestAuthenticationSelectors",
            Severity.INFO,
            "The RequestAuthentications %s in namespace \"%s\" select the same workload \"%s\"; Istio combines "
                    + "their JWT rules for it.",
            "Several RequestAuthentications select the same workload. Istio accepts a token that any of their rules "
                    + "accepts: legal, and sometimes meant, but an issuer meant for one of them is trusted by all; "
                    + "merge them or make the selectors disjoint. Kiali reports this as KIA0003."),
    MG2026(
            "AuthorizationPolicyHostNotFound",
            Severity.WARNING,
            "The operation host \"%s\" is no Service, ServiceEntry or VirtualService host (%s)",
            "An AuthorizationPolicy rule matches requests for a Service name (name, or name.namespace) that nothing "
                    + "in the registry serves, so the rule never matches: usually a typo or a renamed Service. Host "
                    + "headers that are no Service name (with two or more dots, or wildcards) are not checked. Kiali "
                    + "reports this as KIA0104."),
    MG2027(
            "AuthorizationPolicyIdentityWithoutMtls",
            Severity.ERROR,
            "%s needs mutual TLS, but PeerAuthentication %s disables it for these workloads, so it never matches",
            "An AuthorizationPolicy matches on the peer's identity (principals, namespaces, source.principal, "
                    + "source.namespace, connection.sni), which only mutual TLS carries, while the PeerAuthentication "
                    + "in effect for the workloads it selects sets mtls mode DISABLE: ALLOW rules never match, so "
                    + "their requests are denied, and DENY rules never apply. Kiali reports this as KIA0105."),
    MG2028(
            "AuthorizationPolicyIdentityWithPlaintext",
            Severity.WARNING,
            "%s needs mutual TLS, but PeerAuthentication %s is PERMISSIVE for these workloads, so plain-text requests "
                    + "carry no identity",
            "A DENY, AUDIT or CUSTOM AuthorizationPolicy matches on the peer's identity, which only mutual TLS "
                    + "carries, while the PeerAuthentication in effect for the workloads it selects accepts plain "
                    + "text: plain-text requests carry no identity, so the rule does not apply to them and plain-text "
                    + "callers get through. (An ALLOW policy refuses them, which is what it is for.) Make the "
                    + "workloads STRICT. Kiali reports this as KIA0105."),
    MG2029(
            "SidecarEgressHostNotFound",
            Severity.WARNING,
            "The egress host \"%s\" matches no Service or ServiceEntry visible to namespace %s",
            "A Sidecar's egress listener imports a host that no Service or ServiceEntry serves (or that is not "
                    + "exported to the Sidecar's namespace), so the host adds nothing to the proxy's configuration: "
                    + "usually a typo. Kiali reports this as KIA1004."),
    MG2030(
            "ExportToNamespaceNotFound",
            Severity.WARNING,
            "exportTo names namespace \"%s\", which the input's Namespaces do not have",
            "The input declares its Namespace objects, and an exportTo entry names a namespace that is neither "
                    + "among them nor holds anything of the input: usually a typo, so the namespace meant does not "
                    + "see the resource. Kiali reports this as KIA0005."),
    MG2031(
            "AuthorizationPolicyIdentityFromPlaintextClients",
            Severity.ERROR,
            "%s needs mutual TLS, but %s makes clients send plain text to these workloads, so it never matches",
            "An AuthorizationPolicy matches on the peer's identity, which only mutual TLS carries, while the "
                    + "input makes every client of the workloads it selects send plain text: the DestinationRule "
                    + "Istio picks for the namespace's services (*.ns.svc.cluster.local or *.local, in that "
                    + "namespace or the root namespace) disables TLS, or the mesh configuration turns auto mTLS off "
                    + "(enableAutoMtls: false) and no DestinationRule asks for ISTIO_MUTUAL. Requests carry no "
                    + "identity: ALLOW rules never match, so they are denied, and DENY rules never apply. Kiali "
                    + "reports this as KIA0105."),

    // meshgate: references of the Kubernetes Gateway API (gateway.networking.k8s.io).
    MG2101(
            "RouteParentNotFound",
            Severity.ERROR,
            "Parent %s not found: %s",
            "A route's parentRef names a Gateway, a listener of it (sectionName) or a port that does not exist, so "
                    + "the route attaches to nothing and serves no traffic. Kiali reports this as KIA1401."),
    MG2102(
            "RouteNotAllowedByGateway",
            Severity.ERROR,
            "Gateway %s does not accept this route: %s",
            "The Gateway a route attaches to exists, but none of the listeners it names lets the route in: the "
                    + "listener's allowedRoutes admit other namespaces (Same is the default) or other route kinds, or "
                    + "its hostname matches none of the route's hostnames. The route is not attached. Kiali reports "
                    + "this as KIA1401."),
    MG2103(
            "RouteBackendNotFound",
            Severity.ERROR,
            "Backend not found: %s",
            "A route's backendRef (or a Service parentRef of a mesh route) names a Service, or a port of it, that "
                    + "does not exist; requests routed there fail with 500. Kiali reports this as KIA1402."),
    MG2104(
            "ReferenceNotPermitted",
            Severity.ERROR,
            "No ReferenceGrant in namespace %s lets %s in namespace %s refer to %s",
            "A route refers to a backend in another namespace, or a Gateway listener to a certificate Secret in "
                    + "another namespace, which the Gateway API allows only when a ReferenceGrant in that namespace "
                    + "permits references from the referring object's namespace and kind. Without one the reference "
                    + "is refused (ResolvedRefs false, RefNotPermitted). Kiali reports a route's as KIA1402."),
    MG2105(
            "ConflictingListeners",
            Severity.ERROR,
            "Listener %s has the same port, protocol and hostname as listener %s of this Gateway",
            "Each listener of a Gateway must differ from the others in port, protocol or hostname; two that do not "
                    + "conflict and are not programmed. Kiali reports this as KIA1503."),
    MG2106(
            "ConflictingKubernetesGateways",
            Severity.WARNING,
            "Listener %s takes hostname %s on port %s of address %s, like Gateway %s",
            "Two Kubernetes Gateways share an address (spec.addresses, such as one existing gateway Service) and "
                    + "both have a listener for the same hostname, port and protocol: which routes serve that host "
                    + "depends on which Gateway the proxy reads first. Kiali reports this as KIA1501."),

    // meshgate: production practice (warnings by default; configurable per code).
    MG3001(
            "MeshWideMtlsNotStrict",
            Severity.WARNING,
            "%s",
            "Without a mesh-wide PeerAuthentication in STRICT mode in the root namespace, workloads accept plain-text "
                    + "traffic (PERMISSIVE is Istio's default), so mutual TLS is not enforced."),
    MG3002(
            "OutboundTrafficNotRegistryOnly",
            Severity.WARNING,
            "outboundTrafficPolicy mode is %s; set REGISTRY_ONLY so that only registered destinations are reachable",
            "With ALLOW_ANY (the default) workloads can reach any external host, bypassing egress controls and "
                    + "ServiceEntry-based policy."),
    MG3003(
            "ControlPlaneNotHighlyAvailable",
            Severity.WARNING,
            "istiod runs %s replica(s); run at least 2 so that an eviction or a node loss does not stop config and "
                    + "certificate delivery",
            "A single istiod replica is a single point of failure for configuration pushes and certificate "
                    + "rotation; production meshes run at least two (or an autoscaler with minReplicas >= 2)."),
    MG3004(
            "ProxyResourcesNotSet",
            Severity.WARNING,
            "%s has no resource %s",
            "Sidecar and gateway proxies without CPU and memory requests and limits are scheduled without "
                    + "reservation and can starve or be evicted under load."),
    MG3005(
            "HoldApplicationUntilProxyStartsOff",
            Severity.WARNING,
            "holdApplicationUntilProxyStarts is not enabled%s",
            "Without it, application containers can start before the sidecar is ready and their first outbound "
                    + "requests fail."),
    MG3006(
            "ExternalHostWithoutServiceEntry",
            Severity.WARNING,
            "External host \"%s\" is used without a ServiceEntry",
            "Traffic to a host outside the mesh works only with ALLOW_ANY and gets no Istio policy, retries or "
                    + "telemetry; declare it with a ServiceEntry."),
    MG3007(
            "TooManyRegexMatches",
            Severity.WARNING,
            "The VirtualService uses %s regular-expression matches (more than %s)",
            "Regular-expression matches are evaluated one by one for every request and are hard to review; piles of "
                    + "them usually mean prefix or exact matches would do.");

    /** How a template takes an argument; templates use no other conversion, so no "%" stands for anything else. */
    private static final String PLACEHOLDER = "%s";

    private final String title;
    private final Severity severity;
    private final String template;
    private final String description;
    private final int arity;

    Message(String title, Severity severity, String template, String description) {
        this.title = title;
        this.severity = severity;
        this.template = template;
        this.description = description;
        this.arity = placeholders(template);
    }

    private static int placeholders(String template) {
        int count = 0;
        for (int i = template.indexOf(PLACEHOLDER);
                i >= 0;
                i = template.indexOf(PLACEHOLDER, i + PLACEHOLDER.length())) {
            count++;
        }
        return count;
    }

    /** The stable code, e.g. "IST0101" or "MG1101". */
    public String code() {
        return name();
    }

    /** The CamelCase name, as istioctl prints it. */
    public String title() {
        return title;
    }

    public Severity severity() {
        return severity;
    }

    public String template() {
        return template;
    }

    public String description() {
        return description;
    }

    /** Istio reports meshgate's webhook-semantics codes (MG11nn) as IST0106; suppressing IST0106 suppresses them too. */
    public Optional<String> istioAlias() {
        return code().startsWith("MG11") ? Optional.of(IST0106.code()) : Optional.empty();
    }

    /**
     * The message text with its arguments filled in, one per placeholder. A wrong count throws: String.format would
     * ignore extra arguments and fail only on missing ones, so a rule passing too many would lose text unnoticed.
     */
    public String format(Object... args) {
        int given = args == null ? 0 : args.length;
        if (given != arity) {
            throw new IllegalArgumentException(
                    code() + " takes " + arity + " argument(s) for the template \"" + template + "\", not " + given);
        }
        return String.format(java.util.Locale.ROOT, template, args);
    }

    /** The number of arguments the template takes: one per {@code %s}. */
    public int arity() {
        return arity;
    }

    /** The message with this code, if any. */
    public static Optional<Message> byCode(String code) {
        return Arrays.stream(values())
                .filter(m -> m.code().equalsIgnoreCase(code.trim()))
                .findFirst();
    }
}
