package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.testing.TreeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading kustomizations with their local bases, each file parsed once for all the reads that share a table. */
class KustomizationReadingTest {

    @TempDir
    Path repository;

    private final ManifestLoader loader = new ManifestLoader(LoadLimits.defaults(), "default");

    private void write(String file, String text) throws IOException {
        TreeFiles.write(repository, file, text);
    }

    private void twoOverlaysOfOneBase() throws IOException {
        write("base/kustomization.yaml", "resources:\n- ../common\n");
        write("common/kustomization.yaml", "resources: []\n");
        write("dev/kustomization.yaml", "resources:\n- ../base\n");
        write("prod/kustomization.yaml", "resources:\n- ../base\n");
    }

    @Test
    void readsThatShareATableParseABaseOnceAndSeeItsFirstReading() throws Exception {
        twoOverlaysOfOneBase();
        Map<Path, ManifestLoader.YamlTree> parsed = new HashMap<>();

        Kustomization dev = Kustomization.read(repository, repository.resolve("dev"), loader, parsed);
        // The table stands for one run over unchanging files: a base changed after its first reading is not re-read.
        write("base/kustomization.yaml", "resources: []\n");
        Kustomization prod = Kustomization.read(repository, repository.resolve("prod"), loader, parsed);

        assertThat(parsed).hasSize(4);
        assertThat(dev.localFolders())
                .containsExactly(repository.resolve("dev"), repository.resolve("base"), repository.resolve("common"));
        assertThat(prod.localFolders())
                .containsExactly(repository.resolve("prod"), repository.resolve("base"), repository.resolve("common"));
    }

    @Test
    void aReadOfItsOwnParsesTheFilesAsTheyAreNow() throws Exception {
        twoOverlaysOfOneBase();
        Kustomization.read(repository, repository.resolve("dev"), loader);
        write("base/kustomization.yaml", "resources: []\n");

        Kustomization prod = Kustomization.read(repository, repository.resolve("prod"), loader);

        assertThat(prod.localFolders()).containsExactly(repository.resolve("prod"), repository.resolve("base"));
    }

    @Test
    void aFileThatDoesNotParseFailsEveryReadThatReachesIt() throws Exception {
        twoOverlaysOfOneBase();
        write("base/kustomization.yaml", "resources: [\n");
        Map<Path, ManifestLoader.YamlTree> parsed = new HashMap<>();

        for (String overlay : List.of("dev", "prod")) {
            assertThatThrownBy(() -> Kustomization.read(repository, repository.resolve(overlay), loader, parsed))
                    .isInstanceOf(RenderException.class)
                    .hasMessageContaining("base/kustomization.yaml");
        }
    }
}
