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
    IST0101(
            "ReferencedResourceNotFound",
            Severity.ERROR,
            "Referenced %s not found: \"%s\"",
            "A resource refers to another one (a subset, a host, a gateway, a secret) that is neither in the analysed "
                    + "input nor declared as known. Traffic that depends on it fails once the configuration is applied."),
    IST0106(
            "SchemaValidationError",
            Severity.ERROR,
            "Schema validation error: %s",
            "A field has a value of the wrong type or outside its allowed values, so the Kubernetes API server or "
                    + "Istio's validating webhook rejects the resource."),
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
    IST0127(
            "NoMatchingWorkloadsFound",
            Severity.WARNING,
            "No matching workloads for this resource with the following labels: %s",
            "The resource's workload selector matches no workload (Deployment, StatefulSet, DaemonSet, Pod, gateway) "
                    + "in the analysed input, so it has no effect. Often a typo in a label."),
    IST0132(
            "VirtualServiceHostNotFoundInGateway",
            Severity.WARNING,
            "one or more host %s defined in VirtualService %s not found in Gateway %s.",
            "A VirtualService bound to a Gateway names a host that none of the Gateway's servers accept (for the "
                    + "VirtualService's namespace), so requests for it never reach the routes."),
    IST0145(
            "ConflictingGateways",
            Severity.ERROR,
            "Conflict with gateways %s (workload selector %s, port %s, hosts %s).",
            "Two Gateways select the same gateway workload and bind the same port and host; Envoy keeps one of the "
                    + "listeners and the other configuration is ignored."),
    IST0173(
            "DestinationRuleSubsetNotSelectPods",
            Severity.WARNING,
            "The subset \"%s\" defined in the DestinationRule does not select any workload (labels: %s).",
            "A DestinationRule subset whose labels match no workload behind its host has no endpoints; requests "
                    + "routed to it fail with 503 (no healthy upstream)."),

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
