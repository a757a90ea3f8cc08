package dev.meshgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.ManifestLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Host resolution as Istio does it: short names, the cluster domain, exportTo, wildcards, known hosts. */
class IndexTest {

    private static final String INPUT =
            """
            apiVersion: v1
            kind: Service
            metadata: {name: reviews, namespace: shop}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: private
              namespace: shop
              annotations: {networking.istio.io/exportTo: "."}
            ---
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: partners, namespace: egress}
            spec:
              hosts: ["*.partner.example.com"]
              exportTo: [".", "shop"]
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: reviews, namespace: shop}
            spec:
              host: reviews
              exportTo: ["."]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: reviews-v1, namespace: shop}
            spec:
              template:
                metadata: {labels: {app: reviews, version: v1}}
            """;

    private static Index index(AnalysisSettings settings) {
        return Index.build(
                new ManifestLoader(LoadLimits.defaults(), settings.defaultNamespace())
                        .loadText("input.yaml", INPUT)
                        .resources(),
                settings);
    }

    @Test
    void servicesLiveUnderTheConfiguredClusterDomain() {
        AnalysisSettings corp = new AnalysisSettings("corp.internal", "istio-system", "default", List.of(), 10);
        Index index = index(corp);

        assertThat(HostNames.fqdn("reviews", "shop", "corp.internal")).isEqualTo("reviews.shop.svc.corp.internal");
        assertThat(index.hostExists("reviews.shop.svc.corp.internal", "shop")).isTrue();
        assertThat(index.hostExists("reviews.shop.svc.cluster.local", "shop")).isFalse();
        assertThat(index(AnalysisSettings.defaults()).hostExists("reviews.shop.svc.cluster.local", "web"))
                .isTrue();
    }

    @Test
    void exportToLimitsWhoSeesServicesServiceEntriesAndDestinationRules() {
        Index index = index(AnalysisSettings.defaults());

        assertThat(index.hostExists("private.shop.svc.cluster.local", "shop")).isTrue();
        assertThat(index.hostExists("private.shop.svc.cluster.local", "web")).isFalse();
        assertThat(index.hostExists("api.partner.example.com", "egress")).isTrue();
        assertThat(index.hostExists("api.partner.example.com", "shop")).isTrue();
        assertThat(index.hostExists("api.partner.example.com", "web")).isFalse();
        assertThat(index.destinationRules("reviews.shop.svc.cluster.local", "shop"))
                .hasSize(1);
        assertThat(index.destinationRules("reviews.shop.svc.cluster.local", "web"))
                .isEmpty();
    }

    @Test
    void wildcardsMatchSubdomainsOnlyAndKnownHostsCount() {
        Index index = index(new AnalysisSettings(
                "cluster.local", "istio-system", "default", List.of("*.other-team.svc.cluster.local"), 10));

        assertThat(index.hostExists("partner.example.com", "shop")).isFalse();
        assertThat(index.hostExists("a.b.partner.example.com", "shop")).isTrue();
        assertThat(index.hostExists("billing.other-team.svc.cluster.local", "shop"))
                .isTrue();
        assertThat(HostNames.matches("*", "anything.example.com")).isTrue();
        assertThat(HostNames.overlap("*.example.com", "*.shop.example.com")).isTrue();
        assertThat(HostNames.isExternal("api.example.com", "cluster.local")).isTrue();
        assertThat(HostNames.isExternal("reviews.shop.svc.cluster.local", "cluster.local"))
                .isFalse();
    }

    @Test
    void selectorsMatchPodTemplateLabelsInTheirNamespace() {
        Index index = index(AnalysisSettings.defaults());

        assertThat(index.workloads("shop", Map.of("app", "reviews"))).hasSize(1);
        assertThat(index.workloads("shop", Map.of("app", "reviews", "version", "v2")))
                .isEmpty();
        assertThat(index.workloads("web", Map.of("app", "reviews"))).isEmpty();
        assertThat(index.workloads(null, Map.of("version", "v1"))).hasSize(1);
    }

    @Test
    void aReferenceIsMissingOnlyWhereTheRepositoryManagesTheNamespaceOrTheClusterWasConsulted() {
        ManifestLoader loader = new ManifestLoader(LoadLimits.defaults(), "default");
        var repository = loader.loadText(
                        "input.yaml",
                        """
                        apiVersion: v1
                        kind: Namespace
                        metadata: {name: payments}
                        ---
                        apiVersion: security.istio.io/v1
                        kind: PeerAuthentication
                        metadata: {name: default, namespace: istio-system}
                        spec: {mtls: {mode: STRICT}}
                        ---
                        apiVersion: v1
                        kind: Service
                        metadata: {name: kiali, namespace: istio-system}
                        """)
                .resources();
        var outside = loader.loadText(
                        "inventory.yaml",
                        """
                        apiVersion: v1
                        kind: Service
                        metadata: {name: ratings, namespace: bookinfo}
                        ---
                        apiVersion: v1
                        kind: Secret
                        metadata: {name: ingress-cert, namespace: istio-ingress}
                        ---
                        apiVersion: v1
                        kind: Service
                        metadata: {name: web, namespace: web}
                        """)
                .resources();
        Index index = Index.build(repository, outside, AnalysisSettings.defaults());

        assertThat(index.managesNamespace("payments")).isTrue();
        assertThat(index.managesNamespace("istio-system")).isTrue();
        assertThat(index.managesNamespace("bookinfo"))
                .as("the cluster's namespaces are not the repository's")
                .isFalse();
        assertThat(index.verifiable(Reference.in("payments", Reference.Target.HOST, "billing")))
                .isTrue();
        assertThat(index.verifiable(Reference.in("team-b", Reference.Target.HOST, "search")))
                .isFalse();
        // The root namespace: the installation's Services are not the repository's, nor are Gateways it has none of.
        assertThat(index.verifiable(Reference.in("istio-system", Reference.Target.HOST, "istiod")))
                .isFalse();
        assertThat(index.verifiable(Reference.in("istio-system", Reference.Target.GATEWAY, "ingressgateway")))
                .isFalse();
        assertThat(index.unverifiedBecause(Reference.in("istio-system", Reference.Target.GATEWAY, "ingressgateway")))
                .startsWith("the input declares no Gateway in namespace istio-system");
        // Consulted: a namespace the cluster holds, for the kinds it lists there.
        assertThat(index.verifiable(Reference.in("bookinfo", Reference.Target.HOST, "details")))
                .isTrue();
        assertThat(index.verifiable(Reference.in("istio-ingress", Reference.Target.SECRET, "other-cert")))
                .isTrue();
        assertThat(index.verifiable(Reference.in("web", Reference.Target.SECRET, "web-cert")))
                .as("Secrets are listed only in the configured namespaces")
                .isFalse();
        // Workloads are known only where some are declared.
        assertThat(index.verifiable(Reference.in("payments", Reference.Target.WORKLOADS, "app=billing")))
                .isFalse();
        assertThat(index.verifiable(
                        Reference.wherever(Reference.Target.WORKLOADS, "istio=ingressgateway", "every namespace")))
                .isFalse();
        assertThat(HostNames.serviceNamespace("billing.payments.svc.cluster.local", "cluster.local"))
                .isEqualTo("payments");
        assertThat(HostNames.serviceNamespace("billing.payments.svc", "cluster.local"))
                .isEqualTo("payments");
        assertThat(HostNames.serviceNamespace("a.b.payments.svc.cluster.local", "cluster.local"))
                .isNull();
        assertThat(HostNames.serviceNamespace("api.example.com", "cluster.local"))
                .isNull();
    }
}
