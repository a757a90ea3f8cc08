package dev.meshgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each folder of deploy/ builds with the real {@code kubectl kustomize}, and meshgate's own validate passes on it. */
class DeployManifestsTest {

    @TempDir
    Path temp;

    private static String kustomize(String folder) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        "kubectl", "kustomize", Path.of("deploy", folder).toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "cluster-lookups", "argocd", "flux"})
    void theFolderBuildsAndPassesMeshgatesOwnValidation(String folder) throws Exception {
        Path rendered = Files.writeString(temp.resolve(folder + ".yaml"), kustomize(folder));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = MeshgateCommand.execute(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "validate",
                "--fail-on",
                "warning",
                rendered.toString());

        assertThat(exit).as(out + "\n" + err).isZero();
    }

    @Test
    void theServiceRunsLockedDown() throws Exception {
        String manifests = kustomize("base");

        assertThat(manifests)
                .contains("runAsNonRoot: true", "readOnlyRootFilesystem: true", "allowPrivilegeEscalation: false")
                .contains("readinessProbe:", "livenessProbe:", "kind: PodDisruptionBudget", "kind: NetworkPolicy")
                .contains("automountServiceAccountToken: false");
    }
}
