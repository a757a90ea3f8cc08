package dev.meshgate.analysis.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrdCatalogTest {

    private static final CrdCatalog.Source FILES = new CrdCatalog.Source("the CRDs in small/", false);

    static List<Resource> load(String name) {
        try (InputStream in = CrdCatalogTest.class.getResourceAsStream("/crds/small/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ManifestLoader(LoadLimits.defaults(), "default")
                    .loadText(name, text)
                    .resources();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CrdCatalog catalog(String text) {
        List<Resource> crds = new ManifestLoader(LoadLimits.defaults(), "default")
                .loadText("crd.yaml", text)
                .resources();
        return CrdCatalog.builder().add(crds, FILES).build();
    }

    private final CrdCatalog catalog =
            CrdCatalog.builder().add(load("virtualservice-crd.yaml"), FILES).build();

    private List<CrdViolation> violations(Resource resource) {
        return catalog.judge(resource).orElseThrow().violations();
    }

    @Test
    void aValidResourceHasNoViolations() {
        assertThat(catalog.problems()).isEmpty();
        for (Resource resource : load("valid.yaml")) {
            assertThat(violations(resource)).as(resource.name()).isEmpty();
        }
    }

    @Test
    void everyConstructReportsAtItsField() {
        List<Resource> broken = load("broken.yaml");
        assertThat(violations(broken.get(0)))
                .extracting(CrdViolation::pointer, CrdViolation::problem, CrdViolation::detail)
                .containsExactlyInAnyOrder(
                        tuple(
                                "/spec/hosts/0",
                                CrdViolation.Problem.RULE_FAILED,
                                "Invalid value: a wildcard host must start with '*.'"),
                        tuple(
                                "/spec/approvedBy",
                                CrdViolation.Problem.INVALID,
                                "should match '^[a-z]+@example\\.com$'"),
                        tuple(
                                "/spec/mode",
                                CrdViolation.Problem.INVALID,
                                "Unsupported value: \"PERMISSIVE\": supported values: \"STRICT\", \"LENIENT\""),
                        tuple(
                                "/spec/targetPort",
                                CrdViolation.Problem.RULE_FAILED,
                                "Invalid value: port 70000 is out of range"),
                        tuple("/spec/tiemout", CrdViolation.Problem.UNKNOWN_FIELD, "tiemout"),
                        tuple(
                                "/spec/http/0",
                                CrdViolation.Problem.INVALID,
                                "must validate one and only one schema (oneOf): at most one of redirect, route may"
                                        + " be set"),
                        tuple(
                                "/spec/http/0/timeout",
                                CrdViolation.Problem.RULE_FAILED,
                                "Invalid value: must be a valid duration greater than 1ms"),
                        tuple(
                                "/spec/http/0/redirect/uri",
                                CrdViolation.Problem.RULE_FAILED,
                                "Forbidden: url must have scheme http:// or https://"),
                        tuple("/spec/http/0/route/0/destination/host", CrdViolation.Problem.INVALID, "Required value"),
                        tuple("/spec/http/0/ports/1", CrdViolation.Problem.INVALID, "Duplicate value: number=80"),
                        tuple(
                                "/spec/http/0/headers/x-count",
                                CrdViolation.Problem.INVALID,
                                "must be of type string, not integer 3"));
    }

    @Test
    void aRulesFieldPathNamesTheFieldItIsAbout() {
        assertThat(violations(load("broken.yaml").get(1)))
                .extracting(CrdViolation::pointer, CrdViolation::detail)
                .containsExactly(
                        tuple("/spec/canaryBudget", "Invalid value: a canary budget above 50 needs approvedBy"));
    }

    @Test
    void anUnservedVersionIsReported() {
        Resource old = new ManifestLoader(LoadLimits.defaults(), "default")
                .loadText(
                        "old.yaml",
                        "apiVersion: networking.istio.io/v1alpha3\nkind: VirtualService\nmetadata: {name: a}\n"
                                + "spec: {hosts: [a]}\n")
                .resources()
                .get(0);
        assertThat(violations(old))
                .extracting(CrdViolation::pointer, CrdViolation::detail)
                .containsExactly(tuple(
                        "/apiVersion",
                        "apiVersion networking.istio.io/v1alpha3 is not served by the CRD (served: v1)"));
    }
}
