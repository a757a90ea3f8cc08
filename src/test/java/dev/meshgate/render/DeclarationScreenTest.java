package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.files.FileHashes;
import dev.meshgate.testing.TreeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery's screen of the files that may declare an Argo CD or Flux object: a verdict is kept by content hash, and
 * used again only for a file whose hash is known without reading it.
 */
class DeclarationScreenTest {

    // Ten seconds from now: every file written by the test has settled by then.
    private static final LongSupplier LATER = () -> System.currentTimeMillis() + 10_000;

    private static final String APPLICATION = "apiVersion: argoproj.io/v1alpha1\nkind: Application\n";
    private static final String SERVICE = "apiVersion: v1\nkind: Service\n";

    @TempDir
    Path tree;

    @TempDir
    Path cache;

    private Path hashesMemo() {
        return cache.resolve("file-hashes.txt");
    }

    private Path store() {
        return cache.resolve("screened-files.txt");
    }

    /** A run as rendering makes it: the files hashed (for render keys) after discovery screened them. */
    private boolean[] run(Path... files) throws IOException {
        FileHashes hashes = FileHashes.rememberedIn(hashesMemo(), LATER);
        DeclarationScreen screen = DeclarationScreen.rememberedIn(store(), hashes);
        boolean[] verdicts = new boolean[files.length];
        for (int i = 0; i < files.length; i++) {
            verdicts[i] = screen.mayDeclare(files[i]);
            hashes.sha256(files[i]);
        }
        screen.save();
        hashes.save();
        return verdicts;
    }

    @Test
    void filesAreJudgedByWhetherTheyNameAnArgoCdOrFluxGroup() throws IOException {
        Path application = TreeFiles.write(tree, "apps/app.yaml", APPLICATION);
        Path flux = TreeFiles.write(tree, "clusters/flux.yaml", "apiVersion: kustomize.toolkit.fluxcd.io/v1\n");
        Path service = TreeFiles.write(tree, "base/service.yaml", SERVICE);

        assertThat(DeclarationScreen.reading().mayDeclare(application)).isTrue();
        assertThat(DeclarationScreen.reading().mayDeclare(flux)).isTrue();
        assertThat(DeclarationScreen.reading().mayDeclare(service)).isFalse();
    }

    @Test
    void aVerdictIsStoredOnceTheContentHashIsKnownAndUsedForThatContentAfterwards() throws IOException {
        Path service = TreeFiles.write(tree, "base/service.yaml", SERVICE);
        run(service); // the first run hashes the file after screening it: nothing to store yet
        assertThat(store()).doesNotExist();

        run(service);
        assertThat(Files.readString(store())).endsWith(" 0\n");

        // The store is trusted for the content it names: a verdict changed there is what the next run uses.
        Files.writeString(store(), Files.readString(store()).replace(" 0\n", " 1\n"));
        assertThat(run(service)).containsExactly(true);
    }

    @Test
    void aChangedFileIsReadAgain() throws IOException {
        Path service = TreeFiles.write(tree, "base/service.yaml", SERVICE);
        run(service);
        run(service);
        Files.writeString(store(), Files.readString(store()).replace(" 0\n", " 1\n"));

        TreeFiles.write(tree, "base/service.yaml", APPLICATION.replace("argoproj.io", "example.com"));

        assertThat(run(service)).containsExactly(false);
    }

    @Test
    void aDamagedStoreIsReadAgainLineByLine() throws IOException {
        Path service = TreeFiles.write(tree, "base/service.yaml", SERVICE);
        run(service);
        Files.createDirectories(cache);
        Files.writeString(store(), "not a verdict\n" + "0".repeat(64) + " 2\n");

        assertThat(run(service)).containsExactly(false);
        assertThat(Files.readString(store())).doesNotContain("not a verdict").endsWith(" 0\n");
    }
}
