package dev.meshgate.report;

import dev.meshgate.analysis.Analysis;
import dev.meshgate.analysis.AnalysisSettings;
import dev.meshgate.analysis.Analyzer;
import dev.meshgate.analysis.policy.ConfigFile;
import dev.meshgate.analysis.policy.FailOn;
import dev.meshgate.analysis.policy.FindingPolicy;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One validation from manifests to report: load, analyse, apply the policy, decide the verdict. */
public final class Validation {

    private AnalysisSettings settings = AnalysisSettings.defaults();
    private FindingPolicy policy = FindingPolicy.defaults();
    private FailOn failOn = FailOn.ERROR;
    private final LoadLimits limits = LoadLimits.defaults();
    private final Analyzer analyzer = Analyzer.withAllRules();

    public Validation config(ConfigFile.Config config) {
        this.settings = config.settings();
        this.policy = config.policy();
        return this;
    }

    public Validation settings(AnalysisSettings newSettings) {
        this.settings = newSettings;
        return this;
    }

    public Validation failOn(FailOn level) {
        this.failOn = level;
        return this;
    }

    public AnalysisSettings settings() {
        return settings;
    }

    /** Validates the manifests under the paths. */
    public Report run(List<Path> paths) throws IOException {
        return report(new ManifestLoader(limits, settings.defaultNamespace()).load(paths));
    }

    /** Validates manifests already loaded (e.g. from memory). */
    public Report report(LoadResult loaded) {
        Analysis analysis = analyzer.analyze(loaded, settings);
        FindingPolicy.Outcome outcome = policy.apply(analysis.findings(), loaded.resources());
        boolean passed = !failOn.failsAny(outcome.findings());
        List<Report.Analysed> analysed = loaded.resources().stream()
                .map(r -> new Report.Analysed(dev.meshgate.analysis.ResourceRef.of(r), r.origin()))
                .toList();
        Summary summary = Summary.of(
                outcome.findings(),
                outcome.suppressed(),
                loaded.resources().size(),
                loaded.files(),
                failOn.label(),
                passed);
        return new Report(outcome.findings(), analysed, summary);
    }

    /** Reads manifests from memory, e.g. a request body. */
    public Report runText(String file, String text) {
        ManifestLoader loader = new ManifestLoader(limits, settings.defaultNamespace());
        return report(loader.loadText(file, text));
    }
}
