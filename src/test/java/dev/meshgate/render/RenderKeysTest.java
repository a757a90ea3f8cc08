package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.files.FileHashes;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.testing.TreeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The render key's inputs take the kustomizations discovery parsed, and only those it parsed without a problem. */
class RenderKeysTest {

    @TempDir
    Path repository;

    private Path write(String file, String text) throws IOException {
        return TreeFiles.write(repository, file, text);
    }

    private RenderKeys keys(Map<Path, ManifestLoader.YamlTree> parsed) {
        return new RenderKeys(
                repository, RenderLimits.defaults(), LoadLimits.defaults(), FileHashes.forOneRun(), parsed);
    }

    private static ManifestLoader.YamlTree parsed(String text) {
        return new ManifestLoader(LoadLimits.defaults(), "default").readDocument("kustomization.yaml", text);
    }

    @Test
    void aKustomizationDiscoveryParsedIsNotParsedAgain() throws IOException {
        Path kustomization = write("app/kustomization.yaml", "resources:\n  - deployment.yaml\n");
        write("app/deployment.yaml", "kind: Deployment\n");
        write("app/service.yaml", "kind: Service\n");
        // What discovery saw names another file: the key follows it, so it did not read the file again.
        Map<Path, ManifestLoader.YamlTree> discovered =
                Map.of(kustomization.toAbsolutePath().normalize(), parsed("resources:\n  - service.yaml\n"));

        assertThat(keys(discovered).inputs(Source.of(SourceType.KUSTOMIZE, "app")))
                .containsOnlyKeys("app/kustomization.yaml", "app/service.yaml");
        assertThat(keys(Map.of()).inputs(Source.of(SourceType.KUSTOMIZE, "app")))
                .containsOnlyKeys("app/kustomization.yaml", "app/deployment.yaml");
    }

    @Test
    void aKustomizationDiscoveryCouldNotParseIsReadWithTheRunsOwnLimits() throws IOException {
        Path kustomization = write("app/kustomization.yaml", "resources:\n  - deployment.yaml\n");
        write("app/deployment.yaml", "kind: Deployment\n");
        Map<Path, ManifestLoader.YamlTree> discovered =
                Map.of(kustomization.toAbsolutePath().normalize(), parsed("resources: [unclosed\n"));
        assertThat(discovered.values().iterator().next().problem()).isNotNull();

        assertThat(keys(discovered).inputs(Source.of(SourceType.KUSTOMIZE, "app")))
                .as("a key that missed the files it names would serve a stale rendering")
                .containsOnlyKeys("app/kustomization.yaml", "app/deployment.yaml");
    }
}
