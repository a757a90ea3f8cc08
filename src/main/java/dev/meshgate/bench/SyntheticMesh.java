package dev.meshgate.bench;

/**
 * Generates the YAML of a realistic synthetic mesh for the benchmark: per service two versioned Deployments, a
 * Service, a VirtualService calling the next service with a 90/10 split, a DestinationRule with both subsets and an
 * AuthorizationPolicy; per namespace of 20 services an ingress Gateway, its Certificate and a PeerAuthentication.
 */
final class SyntheticMesh {

    static final int SERVICES_PER_NAMESPACE = 20;

    private SyntheticMesh() {}

    static String generate(int services) {
        StringBuilder yaml = new StringBuilder(services * 2200);
        for (int i = 0; i < services; i++) {
            String ns = namespace(i);
            if (i % SERVICES_PER_NAMESPACE == 0) {
                namespaceResources(yaml, ns);
            }
            String name = "svc-" + i;
            int next = i % SERVICES_PER_NAMESPACE == SERVICES_PER_NAMESPACE - 1 || i == services - 1
                    ? i - i % SERVICES_PER_NAMESPACE
                    : i + 1;
            deployment(yaml, ns, name, "v1");
            deployment(yaml, ns, name, "v2");
            yaml.append(
                    """
                    ---
                    apiVersion: v1
                    kind: Service
                    metadata: {name: %1$s, namespace: %2$s}
                    spec:
                      selector: {app: %1$s}
                      ports:
                      - {name: http, port: 8080, targetPort: 8080}
                    ---
                    apiVersion: networking.istio.io/v1
                    kind: VirtualService
                    metadata: {name: %1$s, namespace: %2$s}
                    spec:
                      hosts: [%1$s]
                      http:
                      - match:
                        - uri: {prefix: /api/%1$s}
                          headers: {x-canary: {exact: "true"}}
                        route:
                        - destination: {host: svc-%3$d, subset: v2}
                      - route:
                        - destination: {host: svc-%3$d, subset: v1}
                          weight: 90
                        - destination: {host: svc-%3$d, subset: v2}
                          weight: 10
                        timeout: 3s
                    ---
                    apiVersion: networking.istio.io/v1
                    kind: DestinationRule
                    metadata: {name: %1$s, namespace: %2$s}
                    spec:
                      host: %1$s.%2$s.svc.cluster.local
                      trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}
                      subsets:
                      - {name: v1, labels: {version: v1}}
                      - {name: v2, labels: {version: v2}}
                    ---
                    apiVersion: security.istio.io/v1
                    kind: AuthorizationPolicy
                    metadata: {name: %1$s, namespace: %2$s}
                    spec:
                      selector: {matchLabels: {app: %1$s}}
                      action: ALLOW
                      rules:
                      - from: [{source: {namespaces: [%2$s]}}]
                        to: [{operation: {methods: [GET, POST]}}]
                    """
                            .formatted(name, ns, next));
        }
        return yaml.toString();
    }

    /**
     * The same mesh, and per service an external API behind a wildcard host: a ServiceEntry for
     * "*.ext-N.example.com", a DestinationRule for that wildcard and a VirtualService for one host under it. Every
     * look-up of such a host must find its wildcard without scanning all the others.
     */
    static String withWildcardHosts(int services) {
        StringBuilder yaml = new StringBuilder(generate(services));
        for (int i = 0; i < services; i++) {
            yaml.append(
                    """
                    ---
                    apiVersion: networking.istio.io/v1
                    kind: ServiceEntry
                    metadata: {name: ext-%1$d, namespace: %2$s}
                    spec:
                      hosts: ["*.ext-%1$d.example.com"]
                      location: MESH_EXTERNAL
                      resolution: NONE
                      ports:
                      - {number: 443, name: tls, protocol: TLS}
                    ---
                    apiVersion: networking.istio.io/v1
                    kind: DestinationRule
                    metadata: {name: ext-%1$d, namespace: %2$s}
                    spec:
                      host: "*.ext-%1$d.example.com"
                      trafficPolicy: {connectionPool: {tcp: {maxConnections: 100}}}
                    ---
                    apiVersion: networking.istio.io/v1
                    kind: VirtualService
                    metadata: {name: ext-%1$d, namespace: %2$s}
                    spec:
                      hosts: [api.ext-%1$d.example.com]
                      tls:
                      - match:
                        - port: 443
                          sniHosts: [api.ext-%1$d.example.com]
                        route:
                        - destination: {host: api.ext-%1$d.example.com, port: {number: 443}}
                    """
                            .formatted(i, namespace(i)));
        }
        return yaml.toString();
    }

    /** Resources per service and per namespace, to report resources rather than services. */
    static int resourceCount(int services) {
        int namespaces = (services + SERVICES_PER_NAMESPACE - 1) / SERVICES_PER_NAMESPACE;
        return services * 6 + namespaces * 4;
    }

    private static String namespace(int service) {
        return "team-" + service / SERVICES_PER_NAMESPACE;
    }

    private static void namespaceResources(StringBuilder yaml, String ns) {
        yaml.append(
                """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: ingressgateway, namespace: %1$s}
                spec:
                  selector: {matchLabels: {istio: ingressgateway-%1$s}}
                  template:
                    metadata: {labels: {istio: ingressgateway-%1$s}}
                    spec:
                      containers:
                      - name: istio-proxy
                        image: auto
                        resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: "1", memory: 512Mi}}
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: ingress, namespace: %1$s}
                spec:
                  selector: {istio: ingressgateway-%1$s}
                  servers:
                  - port: {number: 443, name: https, protocol: HTTPS}
                    hosts: ["%1$s.example.com"]
                    tls: {mode: SIMPLE, credentialName: %1$s-tls}
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: %1$s-tls, namespace: %1$s}
                spec:
                  secretName: %1$s-tls
                  dnsNames: ["%1$s.example.com"]
                  issuerRef: {name: letsencrypt, kind: ClusterIssuer}
                ---
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: default, namespace: %1$s}
                spec:
                  mtls: {mode: STRICT}
                """
                        .formatted(ns));
    }

    private static void deployment(StringBuilder yaml, String ns, String name, String version) {
        yaml.append(
                """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %1$s-%3$s, namespace: %2$s}
                spec:
                  selector: {matchLabels: {app: %1$s, version: %3$s}}
                  template:
                    metadata: {labels: {app: %1$s, version: %3$s}}
                    spec:
                      containers:
                      - name: app
                        image: registry.example.com/%1$s:%3$s
                        resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: "1", memory: 256Mi}}
                """
                        .formatted(name, ns, version));
    }
}
