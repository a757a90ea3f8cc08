package dev.meshgate.bench;

import dev.meshgate.files.FileTrees;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.render.RenderLimits;
import dev.meshgate.render.RenderedApplication;
import dev.meshgate.render.Rendering;
import dev.meshgate.report.Report;
import dev.meshgate.validation.ManifestValidation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshgate bench-render}: render + analyse time per application, on the rendered samples and on a generated
 * repository of many Kustomize overlays of one base, through the real kubectl kustomize and Helm.
 */
@Command(
        name = "bench-render",
        mixinStandardHelpOptions = true,
        description = "Benchmarks rendering (Kustomize, Helm) and analysis per application.")
public final class BenchRenderCommand implements Callable<Integer> {

    @Option(
            names = "--samples",
            defaultValue = "config-samples/rendered",
            description = "The folder of rendered samples (default: ${DEFAULT-VALUE}).")
    Path samples;

    @Option(
            names = "--applications",
            defaultValue = "50",
            description = "Kustomize applications in the generated repository (default: ${DEFAULT-VALUE}).")
    int applications;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs; the median is printed (default: 3).")
    int runs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Rendering rendering = new Rendering(RenderLimits.defaults(), LoadLimits.defaults());

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("meshgate bench-render: median of %d runs, after one warm-up%n", runs);
        if (Files.isDirectory(samples)) {
            try (var folders = Files.list(samples)) {
                for (Path sample : folders.filter(Files::isDirectory).sorted().toList()) {
                    measure(out, sample.getFileName().toString(), sample);
                }
            }
        }
        Path generated = Files.createTempDirectory("meshgate-bench-render");
        try {
            generate(generated, applications, samples.resolve("kustomize-overlays/base"));
            measure(out, "generated (" + applications + " overlays)", generated);
        } finally {
            FileTrees.deleteRecursively(generated);
        }
        return 0;
    }

    private void measure(PrintWriter out, String name, Path repository) throws IOException {
        renderAndAnalyse(repository);
        double[] millis = new double[runs];
        int count = 0;
        int findings = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            List<RenderedApplication> rendered = rendering.renderAll(repository, Optional.empty(), "default");
            Report report = new ManifestValidation().reportApplications(rendered);
            millis[i] = (System.nanoTime() - start) / 1e6;
            count = rendered.size();
            findings = report.findings().size();
        }
        Arrays.sort(millis);
        double median = millis[runs / 2];
        out.printf(
                "%-28s %3d applications  %7.0f ms in all  %6.1f ms per application  (%d findings)%n",
                name, count, median, median / Math.max(1, count), findings);
        out.flush();
    }

    private void renderAndAnalyse(Path repository) throws IOException {
        new ManifestValidation().reportApplications(rendering.renderAll(repository, Optional.empty(), "default"));
    }

    /**
     * One base and one overlay per namespace. The base is the sample's (a Deployment, Service, DestinationRule and
     * VirtualService); without the samples, a synthetic service whose cross-namespace references the overlays break.
     */
    private static void generate(Path root, int overlays, Path sampleBase) throws IOException {
        Path base = Files.createDirectories(root.resolve("base"));
        if (Files.isDirectory(sampleBase)) {
            try (var files = Files.list(sampleBase)) {
                for (Path file : files.toList()) {
                    Files.copy(file, base.resolve(file.getFileName().toString()));
                }
            }
        } else {
            Files.writeString(base.resolve("kustomization.yaml"), "resources:\n  - app.yaml\n");
            Files.writeString(base.resolve("app.yaml"), SyntheticMesh.generate(1));
        }
        for (int i = 0; i < overlays; i++) {
            Path overlay = Files.createDirectories(root.resolve("overlays/app-" + i));
            Files.writeString(
                    overlay.resolve("kustomization.yaml"), "namespace: app-" + i + "\nresources:\n  - ../../base\n");
        }
    }
}
