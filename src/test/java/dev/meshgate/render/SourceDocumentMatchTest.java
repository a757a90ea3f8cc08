package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.manifest.Resource;
import dev.meshgate.testing.TreeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each resource the real kubectl kustomize renders is matched to its source document among the build's resource files,
 * without kustomize's origin annotations: also where kustomize itself loses the origin, and among documents of the
 * same kind and name.
 */
class SourceDocumentMatchTest {

    @TempDir
    Path repository;

    private static Resource named(List<Resource> resources, String kind, String name, String namespace) {
        return resources.stream()
                .filter(resource -> resource.kind().kind().equals(kind)
                        && resource.name().equals(name)
                        && resource.namespace().equals(namespace))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aResourceWhoseAnnotationsAPatchReplacedStillPointsAtItsSource() throws IOException {
        TreeFiles.write(repository, "base/kustomization.yaml", "resources: [gateway.yaml]\n");
        TreeFiles.write(
                repository,
                "base/gateway.yaml",
                """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: public
                  annotations: {team: edge}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                    - port: {number: 80, name: http, protocol: HTTP}
                      hosts: ["*.example.com"]
                """);
        TreeFiles.write(
                repository,
                "overlay/kustomization.yaml",
                """
                resources: [../base]
                patches:
                  - path: annotations.yaml
                    target: {kind: Gateway}
                """);
        TreeFiles.write(
                repository,
                "overlay/annotations.yaml",
                """
                - op: add
                  path: /metadata/annotations
                  value: {owner: platform}
                """);

        Resource gateway = named(OneApplication.rendered(repository), "Gateway", "public", "default");

        assertThat(gateway.at("/metadata/annotations/owner").asText()).isEqualTo("platform");
        assertThat(gateway.origin("/spec/servers/0/hosts/0").toString()).isEqualTo("base/gateway.yaml:10:15");
        assertThat(gateway.origin("/metadata/annotations/owner").file()).isEqualTo("overlay/annotations.yaml");
        assertThat(gateway.annotations()).doesNotContainKey("config.kubernetes.io/origin");
    }

    @Test
    void ofTwoDocumentsWithOneNameEachPointsAtTheOneWrittenInItsNamespace() throws IOException {
        TreeFiles.write(repository, "kustomization.yaml", "resources: [east.yaml, west.yaml]\n");
        for (String side : List.of("east", "west")) {
            TreeFiles.write(
                    repository,
                    side + ".yaml",
                    """
                    apiVersion: networking.istio.io/v1
                    kind: DestinationRule
                    metadata:
                      name: reviews
                      namespace: %s
                    spec:
                      host: reviews.%s.svc.cluster.local
                    """
                            .formatted(side, side));
        }

        List<Resource> resources = OneApplication.rendered(repository);

        assertThat(named(resources, "DestinationRule", "reviews", "east")
                        .origin("/spec/host")
                        .toString())
                .isEqualTo("east.yaml:7:3");
        assertThat(named(resources, "DestinationRule", "reviews", "west")
                        .origin("/spec/host")
                        .toString())
                .isEqualTo("west.yaml:7:3");
    }

    @Test
    void aPrefixedNamePointsAtTheBaseAndAGeneratedObjectAtTheKustomization() throws IOException {
        TreeFiles.write(
                repository,
                "base/kustomization.yaml",
                """
                resources: [entry.yaml]
                configMapGenerator:
                  - name: settings
                    literals: [mode=strict]
                """);
        TreeFiles.write(
                repository,
                "base/entry.yaml",
                """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: payments}
                spec:
                  hosts: [payments.example.com]
                  resolution: DNS
                """);
        TreeFiles.write(
                repository,
                "overlay/kustomization.yaml",
                """
                namePrefix: prod-
                resources: [../base]
                """);

        List<Resource> resources = OneApplication.rendered(repository);

        Resource entry = named(resources, "ServiceEntry", "prod-payments", "default");
        assertThat(entry.origin("/spec/resolution").toString()).isEqualTo("base/entry.yaml:6:3");
        assertThat(entry.origin("/metadata/name").file()).isEqualTo("overlay/kustomization.yaml");
        Resource settings = resources.stream()
                .filter(resource -> resource.kind().kind().equals("ConfigMap"))
                .findFirst()
                .orElseThrow();
        assertThat(settings.name()).startsWith("prod-settings-");
        assertThat(settings.origin("/data/mode").file()).isEqualTo("overlay/kustomization.yaml");
    }
}
