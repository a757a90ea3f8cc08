package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.manifest.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local files of kustomizations that could not be rendered: each overlay declares what its bases hold, in the
 * namespace its outermost kustomization sets, and a base shared by several overlays is read once per namespace.
 */
class UnrenderedFilesTest {

    @TempDir
    Path repository;

    private void write(String file, String text) throws IOException {
        Path path = repository.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private void overlay(String name, String namespace) throws IOException {
        write(
                name + "/kustomization.yaml",
                """
                namespace: %s
                resources:
                - ../base
                - https://github.com/example/remote//base?ref=v1
                """
                        .formatted(namespace));
    }

    @Test
    void overlaysInOneNamespaceShareTheirBaseAndOthersReadItInTheirOwn() throws IOException {
        write("base/kustomization.yaml", "resources:\n- service.yaml\n- service.yaml\n");
        write(
                "base/service.yaml",
                """
                apiVersion: v1
                kind: Service
                metadata:
                  name: reviews
                spec:
                  ports:
                  - port: 9080
                """);
        overlay("staging", "shop");
        overlay("canary", "shop");
        overlay("production", "prod");
        UnrenderedFiles unrendered = new UnrenderedFiles();

        List<Resource> staging = unrendered.of(repository, Source.of(SourceType.KUSTOMIZE, "staging"), "default");
        List<Resource> canary = unrendered.of(repository, Source.of(SourceType.KUSTOMIZE, "canary"), "default");
        List<Resource> production = unrendered.of(repository, Source.of(SourceType.KUSTOMIZE, "production"), "default");

        assertThat(staging).singleElement().satisfies(service -> {
            assertThat(service.name()).isEqualTo("reviews");
            assertThat(service.namespace()).isEqualTo("shop");
        });
        assertThat(canary).singleElement().isSameAs(staging.get(0));
        assertThat(production).singleElement().satisfies(service -> assertThat(service.namespace())
                .isEqualTo("prod"));
        assertThat(new UnrenderedFiles().of(repository, Source.of(SourceType.KUSTOMIZE, "canary"), "default"))
                .singleElement()
                .isNotSameAs(staging.get(0));
    }
}
