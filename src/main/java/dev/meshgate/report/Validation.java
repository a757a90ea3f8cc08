package dev.meshgate.report;

import dev.meshgate.analysis.Analysis;
import dev.meshgate.analysis.AnalysisSettings;
import dev.meshgate.analysis.Analyzer;
import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.policy.ConfigFile;
import dev.meshgate.analysis.policy.FailOn;
import dev.meshgate.analysis.policy.FindingPolicy;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.render.RenderedApplication;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * Validates rendered applications, each on its own with its own namespace default, as Argo CD or Flux would apply
     * them; findings name their application when there is more than the repository as a whole.
     */
    public Report reportApplications(List<RenderedApplication> applications) {
        boolean named = applications.size() > 1
                || applications.stream().anyMatch(app -> app.source().declaredBy() != null);
        AnalysisSettings shared = settings;
        List<Finding> findings = new ArrayList<>();
        List<Report.Analysed> analysed = new ArrayList<>();
        int suppressed = 0;
        int resources = 0;
        int files = 0;
        boolean passed = true;
        try {
            for (RenderedApplication application : applications) {
                String namespace = application.source().namespace();
                settings = namespace == null ? shared : shared.withDefaultNamespace(namespace);
                Report report = report(application.loaded());
                String name = application.source().name();
                report.findings().forEach(finding -> findings.add(named ? finding.inApplication(name) : finding));
                analysed.addAll(report.resources());
                suppressed += report.summary().suppressed();
                resources += report.summary().resources();
                files += report.summary().files();
                passed &= report.summary().passed();
            }
        } finally {
            settings = shared;
        }
        Summary summary = Summary.of(findings, suppressed, resources, files, failOn.label(), passed);
        return new Report(findings, analysed, summary);
    }

    /** Reads manifests from memory, e.g. a request body. */
    public Report runText(String file, String text) {
        ManifestLoader loader = new ManifestLoader(limits, settings.defaultNamespace());
        return report(loader.loadText(file, text));
    }
}
