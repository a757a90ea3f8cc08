package dev.meshgate.analysis;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the documentation says of each code beyond the catalog's description: the istioctl analyze or Kiali
 * equivalent, a short example of what triggers it, and how to fix it. {@code docs/codes.md} and the report page are
 * generated from {@link Message} and this guide; a code without an entry here is documented without them.
 */
public final class CodeGuide {

    /** The example and the fix of one code, each a sentence or two of Markdown. */
    public record Entry(String example, String fix, String equivalent) {}

    private static final Map<Message, Entry> ENTRIES = new EnumMap<>(Message.class);

    private CodeGuide() {}

    private static void add(Message message, String example, String fix) {
        add(message, example, fix, null);
    }

    private static void add(Message message, String example, String fix, String equivalent) {
        if (ENTRIES.put(message, new Entry(example, fix, equivalent)) != null) {
            throw new IllegalStateException(message + " has two guide entries");
        }
    }

    /** The guide's entry for the code, if it has one. */
    public static Optional<Entry> of(Message message) {
        return Optional.ofNullable(ENTRIES.get(message));
    }

    /**
     * The istioctl analyze or Kiali code users know the finding by: Istio's codes are their own, meshgate's
     * webhook-semantics codes are what istioctl reports as IST0106, and the guide names the others'.
     */
    public static String equivalent(Message message) {
        Entry entry = ENTRIES.get(message);
        if (entry != null && entry.equivalent() != null) {
            return entry.equivalent();
        }
        if (message.code().startsWith("IST")) {
            return "istioctl analyze " + message.code() + " (the same code)";
        }
        return message.istioAlias()
                .map(alias -> "istioctl analyze reports it as " + alias + " SchemaValidationError")
                .orElse("none");
    }

    static {
        add(
                Message.IST0001,
                "A rule fails on an input it did not expect; the finding names the rule and the exception.",
                "Report it with the input that caused it; the other checks' findings still hold.");
        add(
                Message.IST0002,
                "A Sidecar's `outboundTrafficPolicy.egressProxy`, or an annotation Istio has retired.",
                "Use the replacement the message names.");
        add(
                Message.IST0101,
                "A VirtualService route to `subset: v3` that no DestinationRule of the host defines.",
                "Define the subset, host, gateway or secret, or correct the name; if it lives outside the repository, "
                        + "give an inventory or `knownHosts`.");
        add(
                Message.IST0102,
                "A `Namespace` in the input without an `istio-injection` or `istio.io/rev` label.",
                "Label the namespace `istio-injection=enabled` (or `=disabled` to say it needs no sidecars).");
        add(
                Message.IST0106,
                "`weight: \"ten\"` on a route, or `mode: STRICTER` in a PeerAuthentication.",
                "Give the field a value of the type and the set the API documents.");
        add(
                Message.IST0107,
                "`sidecar.istio.io/inject` on a Deployment's own metadata instead of its pod template.",
                "Move the annotation to the kind the message names (usually `spec.template.metadata`).");
        add(
                Message.IST0108,
                "`sidecar.istio.io/injct: \"false\"` (a typo) on a pod template.",
                "Correct the annotation's name, or remove it.");
        add(
                Message.IST0109,
                "Two VirtualServices without `gateways` (so bound to `mesh`) both for host `reviews`.",
                "Merge them into one VirtualService per host, or narrow one with `exportTo`.");
        add(
                Message.IST0110,
                "Two Sidecars in one namespace whose `workloadSelector` both match `app: reviews`.",
                "Keep one Sidecar per workload: merge them or make the selectors disjoint.");
        add(
                Message.IST0111,
                "Two Sidecars without `workloadSelector` in namespace `shop`.",
                "Keep one namespace-wide Sidecar; give the others selectors.");
        add(
                Message.IST0112,
                "A route to `reviews` whose Service has ports 8080 and 9090, without `destination.port`.",
                "Add `port: {number: ...}` to the destination.");
        add(
                Message.IST0113,
                "A DestinationRule with `tls.mode: DISABLE` for a host a STRICT PeerAuthentication covers.",
                "Use `ISTIO_MUTUAL` in the DestinationRule, or relax the PeerAuthentication.");
        add(
                Message.IST0116,
                "Two Services select one Deployment on port 8080, one calls it `http`, the other `grpc`.",
                "Give the port the same protocol (port name or `appProtocol`) in every Service.");
        add(
                Message.IST0118,
                "A Service port named `web` (no protocol prefix) without `appProtocol`.",
                "Name it `http-web` (or `grpc-...`, `tcp-...`), or set `appProtocol`.");
        add(
                Message.IST0122,
                "`uri: {regex: \"/api/(v1\"}` with an unbalanced parenthesis.",
                "Write an RE2 expression that compiles (no look-arounds or back-references).");
        add(
                Message.IST0123,
                "A Namespace labelled both `istio-injection=enabled` and `istio.io/rev=canary`.",
                "Keep one injection label.");
        add(
                Message.IST0125,
                "`sidecar.istio.io/proxyCPU: lots`, a value the annotation does not take.",
                "Give the annotation a value of the documented form.");
        add(
                Message.IST0127,
                "An AuthorizationPolicy selecting `app: revews` when the workloads are labelled `app: reviews`.",
                "Correct the selector's labels, or the workloads'; remove a namespace-wide policy of a namespace "
                        + "without workloads.");
        add(
                Message.IST0128,
                "A DestinationRule with `tls.mode: SIMPLE` and neither `caCertificates` nor `credentialName`.",
                "Give the CA that signs the server's certificate (`caCertificates` or `credentialName`).");
        add(
                Message.IST0129,
                "The same as IST0128 in a `portLevelSettings` entry.",
                "Give that port's TLS settings a CA (`caCertificates` or `credentialName`).");
        add(
                Message.IST0130,
                "An HTTP route after a catch-all route (`match` absent) in the same VirtualService.",
                "Move the catch-all route last, or remove the route it hides.");
        add(
                Message.IST0131,
                "A match `uri: {prefix: /api/v1}` after a match `uri: {prefix: /api}` of an earlier route.",
                "Order routes from the most to the least specific, or remove the duplicate match.");
        add(
                Message.IST0132,
                "A VirtualService for `shop.example.com` bound to a Gateway whose servers list only `api.example.com`.",
                "Add the host to the Gateway's servers, or bind the VirtualService to the right Gateway.");
        add(
                Message.IST0134,
                "A ServiceEntry with a TCP port and resolution NONE but no `addresses`.",
                "Add the service's `addresses`, or use a protocol Istio can route by host (HTTP, TLS).");
        add(
                Message.IST0135,
                "`sidecar.istio.io/interceptionMode` where Istio deprecated it.",
                "Use what the annotation's deprecation note names.");
        add(
                Message.IST0136,
                "An annotation of an alpha-phase feature, such as `sidecar.istio.io/statsHistogramBuckets`.",
                "Nothing is wrong; make sure you accept the feature's alpha status.");
        add(
                Message.IST0137,
                "Two Services select one Deployment with `targetPort: 8080` but ports 80 and 8000.",
                "Expose the target port on the same port in every Service.");
        add(
                Message.IST0138,
                "Two Gateways whose servers use the same `credentialName` for different hosts.",
                "Give each Gateway its own certificate, or merge the servers into one Gateway.");
        add(
                Message.IST0144,
                "A pod template with `securityContext.runAsUser: 1337`.",
                "Run the application under another user ID.");
        add(
                Message.IST0145,
                "Two Gateways selecting the same gateway pods on port 443 with the same host.",
                "Keep one server per host and port, or select different gateway workloads.");
        add(
                Message.IST0149,
                "A route matching `headers: {\"@request.auth.claims.group\": ...}` with no RequestAuthentication "
                        + "on the gateway.",
                "Add a RequestAuthentication that selects the gateway workload.");
        add(
                Message.IST0150,
                "An ExternalName Service with a port named `tcp-db`.",
                "Name the port for its protocol (`http-...`, `https-...`, `tls-...`) or accept plain TCP handling.");
        add(
                Message.IST0151,
                "An EnvoyFilter patch with `operation: INSERT_BEFORE` and no `priority`.",
                "Set `priority`, or use an absolute operation (`INSERT_FIRST`, `ADD`).");
        add(
                Message.IST0152,
                "`operation: REPLACE` with `applyTo: CLUSTER`.",
                "Use REPLACE only on HTTP_FILTER or NETWORK_FILTER; use MERGE elsewhere.");
        add(
                Message.IST0153,
                "`operation: ADD` with `applyTo: HTTP_ROUTE`.",
                "Use MERGE (or INSERT_*) for routes and route configurations.");
        add(
                Message.IST0154,
                "`operation: REMOVE` with `applyTo: ROUTE_CONFIGURATION`.",
                "Remove the route in the VirtualService instead, or patch with MERGE.");
        add(
                Message.IST0155,
                "A relative operation without `priority` in a patch matched to a `proxy.proxyVersion`.",
                "Set `priority` on the EnvoyFilter.");
        add(
                Message.IST0159,
                "Two Telemetry resources in one namespace both selecting `app: reviews`.",
                "Keep one Telemetry per workload.");
        add(
                Message.IST0160,
                "Two Telemetry resources without selectors in namespace `shop`.",
                "Keep one namespace-wide Telemetry.");
        add(
                Message.IST0161,
                "A Gateway whose `credentialName` Secret has no `tls.key`, or an expired certificate.",
                "Give the Secret a valid `tls.crt` and `tls.key` (and `ca.crt` for MUTUAL).");
        add(
                Message.IST0162,
                "A Gateway server on port 8443 when the gateway's Service exposes 443 -> 8443 only as `targetPort` "
                        + "of another port.",
                "Use a port the gateway's Service exposes, or add it to the Service.");
        add(
                Message.IST0165,
                "A VirtualService bound to a Gateway that Istio generates for a Kubernetes `Gateway` "
                        + "(`...-istio-autogenerated-k8s-gateway`).",
                "Attach routes with an HTTPRoute's `parentRefs` to the Kubernetes Gateway instead.");
        add(
                Message.IST0173,
                "A subset `labels: {version: v3}` when no workload of the host has that label.",
                "Correct the subset's labels, or deploy the version.");
        add(
                Message.IST0174,
                "A DestinationRule for `reviwes.shop.svc.cluster.local` (a typo).",
                "Correct the host, or add the Service or ServiceEntry it is for.");
        add(
                Message.IST0177,
                "Two ServiceEntries for `api.example.com` port 443, one TLS and one HTTPS.",
                "Give the host and port one protocol in every ServiceEntry.");
        add(
                Message.IST0103,
                "A `Pod` with a `status` (copied from the cluster) in a namespace labelled `istio-injection=enabled`, with no `istio-proxy` container.",
                "Restart the workload (`kubectl rollout restart`) so its pods are created with the sidecar, or label the pod `sidecar.istio.io/inject: \"false\"` if it must run without one.");
        add(
                Message.IST0126,
                "`meshNetworks` with `fromRegistry: cluster-west` while no remote secret of the input names `cluster-west`.",
                "Name the registry after the cluster ID of the cluster holding the endpoints (its remote secret's key, or istiod's own `clusterName`), or add the remote secret.");
        add(
                Message.IST0139,
                "Two `MutatingWebhookConfiguration`s whose injector webhooks both select `istio-injection=enabled`, or an injector webhook calling `istio-system/istiod-canary`, which does not exist.",
                "Remove the stale injector configuration (an old revision's, a leftover tag), make the selectors disjoint, or point the webhook at the istiod Service.");
        add(
                Message.IST0146,
                "A gateway `Deployment` with `image: auto` in a namespace without `istio-injection=enabled`, while the input's injector webhooks select by that label.",
                "Label the namespace (or the pod template, `sidecar.istio.io/inject: \"true\"`) so that the injector sees the pods.");
        add(
                Message.IST0147,
                "A `Pod` with `image: auto` that none of the input's injector webhooks selects.",
                "Label the pod or its namespace for injection, or give the container a real proxy image.");
        add(
                Message.IST0148,
                "A `Namespace` without injection labels while the `istio-sidecar-injector` ConfigMap sets `enableNamespacesByDefault: true`.",
                "Nothing, if every namespace is meant to be injected; else label it `istio-injection=disabled`.");
        add(
                Message.IST0158,
                "A `Pod` in an injected namespace runs `proxyv2:1.20.0` while the `istio-sidecar-injector` ConfigMap gives `proxyv2:1.21.2`.",
                "Recreate the pods (`kubectl rollout restart`) after an upgrade, or remove the proxy image written into the manifest.");
        add(
                Message.IST0163,
                "`istio-sidecar-injector-external-istiod` with a webhook whose `clientConfig` has neither `url` nor `service`.",
                "Give the webhook the URL of the external control plane's gateway (`https://istiod.example.com:15017/inject/...`).");
        add(
                Message.IST0164,
                "An injector webhook with `url: https://10.0.0.12:15017/inject`.",
                "Reach the external control plane by a DNS name that its certificate carries.");
        add(
                Message.IST0171,
                "A `Gateway` with `status.conditions` holding `type: Programmed, status: \"False\"`.",
                "Fix what the condition's reason and message name; a status copied into the repository is stale cluster state, better left out.");
        add(
                Message.IST0175,
                "A `RequestAuthentication` with a `jwksUri`, and an istiod `Deployment` without the `BLOCKED_CIDRS_IN_JWKS_URIS` environment variable.",
                "Set `BLOCKED_CIDRS_IN_JWKS_URIS` on istiod (Helm `pilot.env`) to the internal ranges it must not fetch from.");
        add(
                Message.MG0001,
                "A tab in indentation, or `key: [a, b` without its closing bracket.",
                "Correct the YAML at the line given.");
        add(
                Message.MG0002,
                "A file over the size limit, or a YAML alias bomb.",
                "Split the file or remove the aliases; the limits protect the gate.");
        add(
                Message.MG0003,
                "A document with `kind` and `metadata` but no `apiVersion`.",
                "Give the document `apiVersion`, `kind` and `metadata.name`.");
        add(
                Message.MG0004,
                "A mapping with `host:` twice; Kubernetes keeps the last.",
                "Remove the key you did not mean.");
        add(
                Message.MG0005,
                "A file meshgate may not read, or one that is not UTF-8 text.",
                "Make the file readable text, or leave it out of the input.");
        add(
                Message.MG0006,
                "`VirtualService shop/reviews` in two files of the same application.",
                "Keep one definition; the later apply silently replaces the earlier. A warning where the copies"
                        + " are alternatives nothing declares together (two applications meshgate inferred, two"
                        + " loose files).");
        add(
                Message.MG0007,
                "A kustomization naming a file that does not exist, or a Helm template error.",
                "Fix the rendering error the tool reports (run `kubectl kustomize` or `helm template` locally).");
        add(
                Message.MG0008,
                "A kustomization with a remote base (`github.com/...?ref=v1`).",
                "Vendor the base into the repository, or allow remote bases.");
        add(
                Message.MG1001,
                "`tiemout: 3s` on an HTTP route.",
                "Correct the field's name (the message suggests the closest one), or remove it.",
                "istioctl validate rejects it; the API server prunes it or, with strict field validation, rejects it");
        add(
                Message.MG1101,
                "Route destinations with weights 0 and 0, or a weight of -10.",
                "Give at least one destination a positive weight, none a negative one.");
        add(Message.MG1102, "A 90/20 split: Istio normalises it to 82/18.", "Make the weights add up to 100.");
        add(
                Message.MG1103,
                "`timeout: 0.5ms`, or `interval: 5 seconds`.",
                "Write a duration such as `1.5s` or `300ms`, at least `1ms`.");
        add(
                Message.MG1104,
                "`hosts: [\"api.*.example.com\"]` (a wildcard that is not the first label).",
                "Use a DNS name, a short name, or a wildcard in the first label only (`*.example.com`).");
        add(
                Message.MG1105,
                "A Gateway server with `port: {number: 0}` or `protocol: HTTP3`.",
                "Use a port between 1 and 65535 and one of Istio's protocols.");
        add(
                Message.MG1106,
                "`headers: {X-User: {exact: bob}}` (an upper-case header name) or an empty match entry.",
                "Write header names in lower case; give each match entry a condition.");
        add(
                Message.MG1107,
                "A Gateway server with `tls.mode: MUTUAL` and neither `caCertificates` nor `credentialName`.",
                "Give the TLS settings what the mode needs, and only one way of naming certificates.");
        add(
                Message.MG1108,
                "An HTTP route with both `redirect` and `route`, or a policy with `selector` and `targetRef`.",
                "Keep one of the fields.");
        add(Message.MG1109, "Two subsets named `v1` in one DestinationRule.", "Rename or merge the duplicates.");
        add(Message.MG1110, "A VirtualService without `hosts`, or a destination without `host`.", "Add the field.");
        add(
                Message.MG1111,
                "`retries.attempts: -1`, or a fault `percentage.value: 150`.",
                "Use a value in the range the message gives.");
        add(
                Message.MG1120,
                "`selector: {matchLabels: {app: \"reviews-*\"}}`.",
                "Match labels exactly: list the workloads' labels without wildcards or empty keys.");
        add(
                Message.MG1121,
                "`targetRef: {kind: Deployment, name: reviews}` or a targetRef with a `namespace`.",
                "Point at a Service, ServiceEntry, Gateway or GatewayClass in the policy's own namespace.");
        add(
                Message.MG1122,
                "A WorkloadEntry label `team/: shop` or `version: \"v 1\"`.",
                "Use Kubernetes label syntax for keys and values.");
        add(
                Message.MG1123,
                "A WorkloadEntry `address: 10.0.0.300`, or `unix://relative/path` with ports.",
                "Use an IP address or a host name, a valid CIDR block, or an absolute socket path without ports.");
        add(
                Message.MG1124,
                "`outputClaimToHeaders: [{header: \"x user\", claim: sub}]`.",
                "Use a header name of letters, digits and `-`.");
        add(
                Message.MG1125,
                "A ServiceEntry with `resolution: NONE` and `endpoints`, or `DNS_ROUND_ROBIN` with two endpoints.",
                "Pick the resolution that fits the endpoints and addresses (see the message).");
        add(
                Message.MG1201,
                "`mode: PERMISSIVE` where the CRD's enum has STRICT and LENIENT only, or a required field missing.",
                "Give the field what the CRD's schema says; the message is the API server's.",
                "the API server rejects it (istioctl analyze reports schema errors as IST0106)");
        add(
                Message.MG1202,
                "`timeout: 0s` where the CRD's rule is `duration(self) >= duration('1ms')`.",
                "Change the value so that the rule holds; the message is the CRD's own.",
                "the API server rejects it (istioctl analyze reports schema errors as IST0106)");
        add(
                Message.MG1203,
                "A rule indexing a list past its end, or one that costs more than the API server allows.",
                "Check the value the rule reads; the API server rejects what it cannot evaluate.");
        add(
                Message.MG1204,
                "A CRD without `spec.names.kind`, or with a `pattern` that does not compile.",
                "Fix the CRD, or give meshgate the CRDs of your Istio release unchanged.");
        add(
                Message.MG1205,
                "An `x-kubernetes-validations` rule with a syntax error.",
                "Fix the rule; the API server would refuse to install the CRD.");
        add(
                Message.MG2001,
                "Two VirtualServices bound to one gateway for `shop.example.com`, the second with a `/` catch-all.",
                "Give each VirtualService disjoint matches, or merge them.");
        add(
                Message.MG2002,
                "Two DestinationRules for `reviews` in one namespace, both defining subset `v1`.",
                "Keep one DestinationRule per host, or make the second one's subsets new.");
        add(
                Message.MG2003,
                "A route to `payments.billing.svc.cluster.local` when the repository has nothing in `billing`.",
                "Nothing, if it exists; to check it, declare `knownHosts` or give an inventory or cluster look-ups.");
        add(
                Message.MG2004,
                "Two PeerAuthentications without selectors in namespace `shop`.",
                "Keep one namespace-wide PeerAuthentication.",
                "Kiali KIA0002");
        add(
                Message.MG2005,
                "Two PeerAuthentications selecting `app: reviews`.",
                "Keep one PeerAuthentication per workload.",
                "Kiali KIA0003");
        add(
                Message.MG3001,
                "No PeerAuthentication with `mtls.mode: STRICT` in `istio-system`.",
                "Add a mesh-wide PeerAuthentication in STRICT mode in the root namespace.");
        add(
                Message.MG3002,
                "An IstioOperator with `meshConfig.outboundTrafficPolicy.mode: ALLOW_ANY`.",
                "Set `REGISTRY_ONLY` and declare external services with ServiceEntries.");
        add(
                Message.MG3003,
                "An IstioOperator with `components.pilot.k8s.replicaCount: 1`.",
                "Run at least two istiod replicas, or an autoscaler with `minReplicas: 2`.");
        add(
                Message.MG3004,
                "A gateway Deployment's `istio-proxy` container without `resources.limits`.",
                "Set CPU and memory requests and limits for the proxy.");
        add(
                Message.MG3005,
                "An IstioOperator without `meshConfig.defaultConfig.holdApplicationUntilProxyStarts: true`.",
                "Enable it mesh-wide, or per pod with the `proxy.istio.io/config` annotation.");
        add(
                Message.MG3006,
                "A route to `api.stripe.com` without a ServiceEntry for it.",
                "Declare the host with a ServiceEntry (`location: MESH_EXTERNAL`).");
        add(
                Message.MG3007,
                "A VirtualService with 25 `regex` matches.",
                "Use `prefix` or `exact` matches where they do; raise `regexMatchLimit` if the regexes are needed.");
        add(
                Message.IST0140,
                "An ingress VirtualService routes to `reviews` without a subset while another VirtualService for `reviews` splits it by subset.",
                "Give the ingress route the subsets too, or route the ingress through the host's own VirtualService (delegate).");
        add(
                Message.IST0157,
                "A Telemetry turns on `accessLogging` with no `providers`, and the mesh config names no default access-log provider.",
                "Name a provider (`envoy`, or one of `meshConfig.extensionProviders`) or set `defaultProviders.accessLogging`.");
        add(
                Message.IST0166,
                "An AuthorizationPolicy with `selector: {matchLabels: {gateway.networking.k8s.io/gateway-name: public}}`.",
                "Attach the policy with `targetRefs` naming the Gateway instead of a selector.");
        add(
                Message.IST0167,
                "A Sidecar in a namespace labelled `istio.io/dataplane-mode: ambient`.",
                "Delete it, or use waypoint policies; move the workload to sidecar mode if it needs a Sidecar.");
        add(
                Message.IST0176,
                "The TLSRoute CRD installed with `gateway.networking.k8s.io/bundle-version: v1.4.1`.",
                "Install the Gateway API CRDs of the bundle version your Istio release requires.");
        add(
                Message.MG1126,
                "A route with one destination and `weight: 50`.",
                "Drop the weight, or set it to 100 (a lone destination takes all traffic).",
                "Kiali KIA1104");
        add(
                Message.MG2020,
                "A DestinationRule for `*.shop.svc.cluster.local` with `tls.mode: DISABLE` while PeerAuthentication `shop/default` is STRICT.",
                "Use `ISTIO_MUTUAL` in the DestinationRule, or relax the PeerAuthentication.",
                "Kiali KIA0207");
        add(
                Message.MG2021,
                "A DestinationRule for `*.local` with `tls.mode: DISABLE` while the mesh-wide PeerAuthentication is STRICT.",
                "Use `ISTIO_MUTUAL`, or scope the exception to the namespaces that accept plain text.",
                "Kiali KIA0208");
        add(
                Message.MG2022,
                "PeerAuthentication `shop/default` with `mtls.mode: DISABLE` while a DestinationRule for `*.shop.svc.cluster.local` sends `ISTIO_MUTUAL`.",
                "Make both sides agree: PERMISSIVE or STRICT on the server, or DISABLE on the client.",
                "Kiali KIA0505");
        add(
                Message.MG2023,
                "The mesh-wide PeerAuthentication is DISABLE while a DestinationRule for `*.local` sends `ISTIO_MUTUAL`.",
                "Make both sides agree, mesh-wide.",
                "Kiali KIA0506");
        add(
                Message.MG2024,
                "Two RequestAuthentications without a selector in namespace `shop`.",
                "Merge their `jwtRules` into one, unless combining them is intended.",
                "Kiali KIA0002");
        add(
                Message.MG2025,
                "Two RequestAuthentications selecting `app: gateway`.",
                "Merge their `jwtRules` into one, unless combining them is intended.",
                "Kiali KIA0003");
        add(
                Message.MG2026,
                "An AuthorizationPolicy rule with `to.operation.hosts: [reviwes]`.",
                "Name a Service or ServiceEntry host, or the host the request carries.",
                "Kiali KIA0104");
        add(
                Message.MG2027,
                "`from.source.principals` in an AuthorizationPolicy for workloads whose PeerAuthentication is DISABLE.",
                "Enable mutual TLS for those workloads, or match on something plain text carries.",
                "Kiali KIA0105");
        add(
                Message.MG2028,
                "A DENY policy on `from.source.namespaces` for workloads whose PeerAuthentication is PERMISSIVE.",
                "Make the PeerAuthentication STRICT, so every request carries the identity the rule asks for.",
                "Kiali KIA0105");
        add(
                Message.MG2029,
                "A Sidecar with `egress.hosts: [\"shop/reviwes.shop.svc.cluster.local\"]`.",
                "Name hosts that exist, or `namespace/*`.",
                "Kiali KIA1004");
        add(
                Message.MG2030,
                "`exportTo: [shpo]` while the input's Namespace objects are `shop` and `web`.",
                "Name existing namespaces, `.` or `*`.",
                "Kiali KIA0005");
        add(
                Message.MG2031,
                "`from.source.principals` in an AuthorizationPolicy of `shop` while DestinationRule `shop/plain` "
                        + "for `*.shop.svc.cluster.local` sets `tls.mode: DISABLE`.",
                "Let clients use `ISTIO_MUTUAL` (or auto mTLS), or match on something plain text carries.",
                "Kiali KIA0105");
        add(
                Message.MG2101,
                "An HTTPRoute with `parentRefs: [{name: public, sectionName: https}]` where Gateway `public` has no listener `https`.",
                "Name a Gateway and listener (or port) that exist.",
                "Kiali KIA1401");
        add(
                Message.MG2102,
                "An HTTPRoute in namespace `shop` attached to a listener whose `allowedRoutes.namespaces.from` is `Same`, in another namespace.",
                "Let the listener admit the route (`from: All` or a selector), or move the route.",
                "Kiali KIA1401");
        add(
                Message.MG2103,
                "An HTTPRoute `backendRefs: [{name: reviews, port: 9090}]` where Service `reviews` serves port 9080.",
                "Name a Service and a port it exposes.",
                "Kiali KIA1402");
        add(
                Message.MG2104,
                "An HTTPRoute in `web` with a backend in `shop` and no ReferenceGrant in `shop` allowing it.",
                "Add a ReferenceGrant in the target's namespace from the route's kind and namespace.");
        add(
                Message.MG2105,
                "Two listeners of one Gateway on port 443, protocol HTTPS, hostname `shop.example.com`.",
                "Give each listener its own port, protocol or hostname.",
                "Kiali KIA1503");
        add(
                Message.MG2106,
                "Two Gateways with `addresses: [{value: 10.0.0.5}]`, both serving `shop.example.com` on port 443.",
                "Serve the hostname from one Gateway, or give them different addresses.",
                "Kiali KIA1501");
    }
}
