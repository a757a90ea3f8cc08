package dev.meshgate.analysis.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** CRDs read ahead of the analyses, and read by several threads at once, are read once and judged alike. */
class CrdReadAheadTest {

    private static final CrdCatalog.Source INPUT = new CrdCatalog.Source("the CRDs in istio/", true);

    /** A CRD of an Istio group that no other test holds (the reader's caches live as long as the process). */
    private static String crd(String kind) {
        return """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: %ss.networking.istio.io
                spec:
                  group: networking.istio.io
                  names: {kind: %s, plural: %ss}
                  scope: Namespaced
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema:
                          type: object
                          properties:
                            spec:
                              type: object
                              properties:
                                port:
                                  type: integer
                                  x-kubernetes-validations:
                                    - rule: "self <= 65535"
                                      message: port out of range
                """
                .formatted(kind.toLowerCase(), kind, kind.toLowerCase());
    }

    private static Resource load(String text) {
        return new ManifestLoader(LoadLimits.defaults(), "default")
                .loadText("crd.yaml", text)
                .resources()
                .get(0);
    }

    private static String uniqueKind() {
        return "Probe" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void equalCrdsAskedForAtOnceAreReadOnce() throws Exception {
        String text = crd(uniqueKind());
        int threads = 8;
        List<Resource> copies = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            copies.add(load(text)); // equal, not the same objects
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<CrdDefinition>> reads = new ArrayList<>();
            for (Resource copy : copies) {
                reads.add(pool.submit(() -> {
                    start.await();
                    return CrdReader.read(copy.body());
                }));
            }
            start.countDown();
            CrdDefinition first = reads.get(0).get();
            for (Future<CrdDefinition> read : reads) {
                assertThat(read.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCatalogJudgesByTheCrdReadAhead() throws Exception {
        Resource crd = load(crd(uniqueKind()));
        CrdCatalog.readAhead(List.of(crd));
        CrdDefinition readAhead = CrdReader.read(crd.body());

        String kind = crd.body().path("spec").path("names").path("kind").asText();
        Resource resource = new ManifestLoader(LoadLimits.defaults(), "default")
                .loadText(
                        "probe.yaml",
                        "apiVersion: networking.istio.io/v1\nkind: " + kind
                                + "\nmetadata: {name: p}\nspec: {port: 70000}\n")
                .resources()
                .get(0);
        CrdCatalog catalog = CrdCatalog.builder().add(List.of(crd), INPUT).build();

        assertThat(CrdReader.read(crd.body())).isSameAs(readAhead);
        assertThat(catalog.judge(resource).orElseThrow().violations())
                .extracting(CrdViolation::detail)
                .containsExactly("Invalid value: port out of range");
    }

    @Test
    void anUnusableCrdReadAheadIsReportedByTheCatalog() {
        Resource broken = load(
                """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: brokens.networking.istio.io}
                spec:
                  group: networking.istio.io
                  names: {kind: %s, plural: brokens}
                  scope: Namespaced
                """
                        .formatted(uniqueKind()));

        assertThatCode(() -> CrdCatalog.readAhead(List.of(broken))).doesNotThrowAnyException();
        CrdCatalog catalog = CrdCatalog.builder().add(List.of(broken), INPUT).build();

        assertThat(catalog.problems())
                .extracting(CrdCatalog.Problem::detail, CrdCatalog.Problem::unusable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a CRD needs at least one version", true));
    }

    @Test
    void equalSpecsOfDifferentIstioReleasesKeepTheirOwnRelease() throws Exception {
        String text = crd(uniqueKind());
        String labelled = text.replace("metadata:\n", "metadata:\n  labels: {app.kubernetes.io/version: %s}\n");
        CrdDefinition older = CrdReader.read(load(labelled.formatted("1.26.0")).body());
        CrdDefinition newer = CrdReader.read(load(labelled.formatted("1.27.1")).body());
        CrdDefinition relabelled = CrdReader.read(
                load(labelled.formatted("1.27.1").replace("metadata:\n", "metadata:\n  annotations: {a: b}\n"))
                        .body());

        assertThat(older.istioVersion()).isEqualTo("1.26.0");
        assertThat(newer.istioVersion()).isEqualTo("1.27.1");
        assertThat(relabelled).isSameAs(newer);
    }
}
