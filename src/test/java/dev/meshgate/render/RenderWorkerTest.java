package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helm renders in render workers, child processes that are killed at the deadline with everything they started, and
 * whose output is bounded; kustomize's whole process tree dies at its deadline too. Processes are checked through
 * ProcessHandle once the render has returned: the kill waits for their exit, so nothing here waits on a clock.
 */
class RenderWorkerTest {

    // A memory size of its own gives this test a pool of its own, whatever other tests do with theirs.
    private static final long WORKER_MEMORY = 200L * 1024 * 1024;

    @TempDir
    Path repository;

    private void write(String file, String text) throws IOException {
        Path path = repository.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private static RenderLimits limits(Duration timeout, long maxOutput) {
        return RenderLimits.defaults()
                .within(timeout, maxOutput)
                .withHelm(RenderLimits.HelmProcess.WORKER, WORKER_MEMORY);
    }

    private void chart(String folder, String template) throws IOException {
        write(folder + "/Chart.yaml", "apiVersion: v2\nname: " + folder + "\nversion: 0.1.0\n");
        write(folder + "/templates/t.yaml", template);
    }

    @Test
    void aLoopingTemplateIsKilledAtTheDeadlineAndItsWorkerIsGone() throws IOException {
        chart("good", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n");
        chart(
                "looping",
                "{{- range $i := until 200000 }}{{- range $j := until 200000 }}{{- end }}{{- end }}\n"
                        + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: never\n");
        Rendering rendering = new Rendering(limits(Duration.ofSeconds(4), 1024 * 1024), LoadLimits.defaults());
        HelmWorkers pool = HelmWorkers.shared(WORKER_MEMORY);
        Set<Path> temporaryBefore = helmLibraryCopies();

        RenderedApplication good = rendering.render(repository, Source.of(SourceType.HELM, "good"), "default");
        assertThat(good.loaded().resources()).singleElement().satisfies(r -> assertThat(r.name())
                .isEqualTo("good"));
        Set<Long> warm = pool.pids();
        assertThat(warm).as("the worker stays up for the next chart").isNotEmpty();

        RenderedApplication looping = rendering.render(repository, Source.of(SourceType.HELM, "looping"), "default");

        assertThat(looping.loaded().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.type()).isEqualTo(LoadProblem.Type.RENDER_FAILED);
            assertThat(problem.detail()).contains("took longer than PT4S");
        });
        for (long pid : warm) {
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                    .as("worker %d after the deadline", pid)
                    .isEmpty();
        }
        RenderedApplication again = rendering.render(repository, Source.of(SourceType.HELM, "good"), "default");
        assertThat(again.loaded().resources()).as("a new worker takes over").hasSize(1);
        assertThat(pool.pids()).doesNotContainAnyElementsOf(warm);
        assertThat(helmLibraryCopies())
                .as("a killed worker leaves no copy of Helm's 95 MB library in the temporary folder")
                .isEqualTo(temporaryBefore);
    }

    /** Copies of Helm's native library that helm-java or meshgate unpacked into the temporary folder. */
    private static Set<Path> helmLibraryCopies() throws IOException {
        try (var entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith("helm-java")
                            || entry.getFileName().toString().startsWith("meshgate-helm"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void aChartsOutputIsBoundedAndAHelmErrorLeavesTheWorkerInService() throws IOException {
        chart(
                "large",
                "{{- range $i := until 2000 }}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                        + "  name: cm-{{ $i }}\n{{- end }}\n");
        chart("broken", "kind: {{ .Values.missing.field }}\n");
        Rendering rendering = new Rendering(limits(Duration.ofSeconds(60), 16 * 1024), LoadLimits.defaults());

        RenderedApplication large = rendering.render(repository, Source.of(SourceType.HELM, "large"), "default");
        RenderedApplication broken = rendering.render(repository, Source.of(SourceType.HELM, "broken"), "default");

        assertThat(large.loaded().problems()).singleElement().satisfies(problem -> assertThat(problem.detail())
                .contains("larger than 16384 bytes"));
        assertThat(broken.loaded().problems()).singleElement().satisfies(problem -> assertThat(problem.detail())
                .contains("nil pointer"));
        assertThat(HelmWorkers.shared(WORKER_MEMORY).pids()).isNotEmpty();
    }

    @Test
    void kustomizesWholeProcessTreeDiesAtTheDeadline() throws IOException {
        write("app/kustomization.yaml", "resources: []\n");
        Path pidFile = repository.resolve("child.pid");
        // A kustomize stand-in that starts a child of its own and waits for it, as a plugin would.
        List<String> tool = List.of("sh", "-c", "sleep 600 & echo $! > '" + pidFile + "'; wait", "kustomize");
        Rendering rendering = new Rendering(
                RenderLimits.defaults().withKustomizeCommand(tool).within(Duration.ofSeconds(10), 1024),
                LoadLimits.defaults());

        RenderedApplication rendered = rendering.render(repository, Source.of(SourceType.KUSTOMIZE, "app"), "default");

        assertThat(rendered.loaded().problems().get(0).detail()).contains("took longer than PT10S");
        long child = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(ProcessHandle.of(child).filter(ProcessHandle::isAlive))
                .as("the tool's child after the deadline")
                .isEmpty();
    }
}
