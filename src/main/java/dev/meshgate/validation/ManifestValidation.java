package dev.meshgate.validation;

import dev.meshgate.analysis.Analysis;
import dev.meshgate.analysis.AnalysisSettings;
import dev.meshgate.analysis.Analyzer;
import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.ResourceRef;
import dev.meshgate.analysis.crd.CrdCatalog;
import dev.meshgate.analysis.policy.ConfigFile;
import dev.meshgate.analysis.policy.FailOn;
import dev.meshgate.analysis.policy.FindingPolicy;
import dev.meshgate.analysis.schema.StructureValidator;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadProblem;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Origin;
import dev.meshgate.manifest.Resource;
import dev.meshgate.render.RenderedApplication;
import dev.meshgate.report.Report;
import dev.meshgate.report.Summary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Validates loaded manifests or rendered applications: analysis, policy and verdict, per destination cluster. */
public final class ManifestValidation {

    private AnalysisSettings settings = AnalysisSettings.defaults();
    private FindingPolicy policy = FindingPolicy.defaults();
    private FailOn failOn = FailOn.ERROR;
    private final LoadLimits limits = LoadLimits.defaults();
    private final Analyzer analyzer = Analyzer.withAllRules();
    private String outsideCrds = "the cluster's CRDs";
    private List<Resource> crdFiles = List.of();
    private String crdFilesDescription = "the CRDs given";
    private final Set<String> structureNotes = new java.util.LinkedHashSet<>();

    /**
     * Where structure comes from besides the input's own CRDs: how the cluster's or inventory's CRDs are named, and
     * CRDs read from files ({@code --crds}), which serve the kinds neither the input nor the cluster defines.
     */
    public ManifestValidation judgingStructureBy(
            String outsideDescription, List<Resource> files, String filesDescription) {
        this.outsideCrds = outsideDescription;
        this.crdFiles = List.copyOf(files);
        this.crdFilesDescription = filesDescription;
        return this;
    }

    /** What structure was checked against and which CRDs could not be used, for the notes of the result. */
    public List<String> structureNotes() {
        return List.copyOf(structureNotes);
    }

    public ManifestValidation config(ConfigFile.Config config) {
        this.settings = config.settings();
        this.policy = config.policy();
        return this;
    }

    public ManifestValidation settings(AnalysisSettings newSettings) {
        this.settings = newSettings;
        return this;
    }

    public ManifestValidation failOn(FailOn level) {
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
        return report(loaded, List.of());
    }

    /**
     * Validates loaded manifests against resources from outside them (a cluster, an inventory): those resolve
     * references and tell the analysis which namespaces were consulted, but are neither reported on nor counted.
     */
    private Report report(LoadResult loaded, List<Resource> outside) {
        return report(loaded, outside, Analysis::findings, structureNotes);
    }

    /**
     * As {@link #report(LoadResult, List)}, with the findings the analysis yields as the function judges them, before
     * the policy applies (e.g. a reference that an alternative of these applications resolves is unverified).
     */
    private Report report(
            LoadResult loaded, List<Resource> outside, Function<Analysis, List<Finding>> judged, Set<String> notes) {
        CrdCatalog crds = CrdCatalog.builder()
                .addInput(loaded.resources())
                .add(outside, new CrdCatalog.Source(outsideCrds, false))
                .add(crdFiles, new CrdCatalog.Source(crdFilesDescription, false))
                .build();
        Analysis analysis = analyzer.analyze(loaded, outside, settings, crds);
        notes.addAll(crds.knowledgeUsed(StructureValidator.describeBuiltInModel()));
        for (CrdCatalog.Problem problem : crds.problems()) {
            if (!problem.source().input()) {
                notes.add("CustomResourceDefinition " + problem.crd().name() + " of "
                        + problem.source().description() + ": " + problem.detail()
                        + (problem.unusable() ? "; its kinds are checked with the next source of structure" : ""));
            }
        }
        List<Finding> findings = judged.apply(analysis);
        if (!outside.isEmpty()) {
            Set<ResourceRef> outsideRefs = new HashSet<>();
            outside.forEach(resource -> outsideRefs.add(ResourceRef.of(resource)));
            findings = findings.stream()
                    .filter(finding -> finding.resource() == null || !outsideRefs.contains(finding.resource()))
                    .toList();
        }
        FindingPolicy.Outcome outcome = policy.apply(findings, loaded.resources());
        boolean passed = !failOn.failsAny(outcome.findings());
        List<Report.Analysed> analysed = loaded.resources().stream()
                .map(r -> new Report.Analysed(ResourceRef.of(r), r.origin()))
                .toList();
        Summary summary = Summary.of(
                outcome.findings(),
                outcome.suppressed(),
                loaded.resources().size(),
                loaded.files(),
                failOn.label(),
                passed);
        summary = summary.withSkippedFiles(loaded.skippedFiles());
        return new Report(outcome.findings(), analysed, summary);
    }

    /**
     * Validates rendered applications as they will live in one cluster: every application's resources (with its own
     * namespace default, applied when it was rendered) are analysed together, so that a reference from one
     * application to another resolves, and each finding names the application its resource or file came from.
     */
    public Report reportApplications(List<RenderedApplication> applications) {
        return reportApplications(applications, List.of());
    }

    /**
     * Validates rendered applications against what already exists outside the repository (a cluster or an inventory):
     * those resources resolve references the repository leaves open, are never reported on themselves, and yield to
     * a repository resource of the same kind, namespace and name, which is what the sync will apply.
     */
    public Report reportApplications(List<RenderedApplication> applications, List<Resource> outside) {
        return reportApplications(applications, outside, List.of());
    }

    /**
     * As {@link #reportApplications(List, List)}, knowing what the applications that could not be rendered declare
     * in their files: a reference that only those, or only alternatives of its application, resolve is unverified.
     */
    public Report reportApplications(
            List<RenderedApplication> applications, List<Resource> outside, List<Resource> unrendered) {
        boolean named = applications.size() > 1
                || applications.stream().anyMatch(app -> app.source().declaredBy() != null);
        List<List<RenderedApplication>> clusters = clusters(applications);
        Predicate<Finding> missingEverywhere = missing -> true;
        if (clusters.size() > 1 || !unrendered.isEmpty()) {
            // Analysing everything at once is a second analysis: done only when some reference is called missing, and
            // only by the rules that report references, since only its missing references are read (in
            // kubeflow/manifests the others, with the CRDs' parse and their CEL rules, were two thirds of its time).
            missingEverywhere = AlternativeReferences.missingIn(() -> {
                LoadResult everything = merged(applications);
                List<Resource> all = new ArrayList<>(everything.resources());
                all.addAll(unrendered);
                return analyzer.referencesOnly()
                        .analyze(
                                new LoadResult(
                                        all, everything.problems(), everything.files(), everything.skippedFiles()),
                                outsideOnly(applications, outside),
                                settings,
                                CrdCatalog.empty());
            });
        }
        if (clusters.size() == 1) {
            return reportCluster(clusters.get(0), outside, named, missingEverywhere, structureNotes);
        }
        // Clusters are analysed side by side (the overlays of a repository like kubeflow/manifests make dozens, each
        // with the applications common to all); their notes and findings are then taken in the clusters' order.
        Predicate<Finding> missing = missingEverywhere;
        List<Set<String>> notes = new ArrayList<>();
        clusters.forEach(cluster -> notes.add(new java.util.LinkedHashSet<>()));
        List<Report> reports = java.util.stream.IntStream.range(0, clusters.size())
                .parallel()
                .mapToObj(i -> reportCluster(clusters.get(i), outside, named, missing, notes.get(i)))
                .toList();
        notes.forEach(structureNotes::addAll);
        // An application shared by every cluster is analysed in each: what it says about itself is said once, even
        // where the text differs by cluster (a duplicate listing the other copies it meets there).
        Map<List<Object>, Finding> findings = new java.util.LinkedHashMap<>();
        java.util.Set<Report.Analysed> analysed = new java.util.LinkedHashSet<>();
        int suppressed = 0;
        boolean passed = true;
        for (Report report : reports) {
            report.findings().forEach(finding -> findings.putIfAbsent(sameFinding(finding), finding));
            analysed.addAll(report.resources());
            suppressed += report.summary().suppressed();
            passed &= report.summary().passed();
        }
        int files = applications.stream()
                .mapToInt(application -> application.loaded().files())
                .sum();
        int skipped = applications.stream()
                .mapToInt(application -> application.loaded().skippedFiles())
                .sum();
        List<Finding> all = List.copyOf(findings.values());
        Summary summary = Summary.of(all, suppressed, analysed.size(), files, failOn.label(), passed);
        return new Report(all, List.copyOf(analysed), summary.withSkippedFiles(skipped));
    }

    private static List<Object> sameFinding(Finding finding) {
        return java.util.Arrays.asList(finding.code(), finding.resource(), finding.origin(), finding.application());
    }

    /**
     * Applications of different clusters never meet: the same object in two of them is no duplicate, and a reference
     * from one cannot be satisfied by the other. An application that names no cluster lives in every one of them.
     */
    private static List<List<RenderedApplication>> clusters(List<RenderedApplication> applications) {
        List<RenderedApplication> everywhere = applications.stream()
                .filter(application -> application.source().cluster() == null)
                .toList();
        Map<String, List<RenderedApplication>> byCluster = new java.util.LinkedHashMap<>();
        for (RenderedApplication application : applications) {
            if (application.source().cluster() != null) {
                byCluster
                        .computeIfAbsent(application.source().cluster(), key -> new ArrayList<>(everywhere))
                        .add(application);
            }
        }
        return byCluster.isEmpty() ? List.of(applications) : List.copyOf(byCluster.values());
    }

    /** The applications of one cluster, analysed together; what the analysis notes of structure goes to the notes. */
    private Report reportCluster(
            List<RenderedApplication> applications,
            List<Resource> outside,
            boolean named,
            Predicate<Finding> missingEverywhere,
            Set<String> notes) {
        Map<ResourceRef, String> ownerOfResource = new HashMap<>();
        Map<Origin, String> ownerOfProblem = new HashMap<>();
        for (RenderedApplication application : applications) {
            String name = application.source().name();
            application
                    .loaded()
                    .resources()
                    .forEach(resource -> ownerOfResource.putIfAbsent(ResourceRef.of(resource), name));
            application.loaded().problems().forEach(problem -> ownerOfProblem.putIfAbsent(problem.origin(), name));
        }
        InferredAlternatives alternatives = new InferredAlternatives(applications);
        Report whole = report(
                merged(applications),
                outsideOnly(applications, outside),
                analysis -> alternatives.judge(AlternativeReferences.unverifiedUnless(analysis, missingEverywhere)),
                notes);
        if (!named) {
            return whole;
        }
        List<Finding> findings = whole.findings().stream()
                .map(finding -> {
                    String owner = finding.resource() != null
                            ? ownerOfResource.get(finding.resource())
                            : ownerOfProblem.get(finding.origin());
                    return owner == null ? finding : finding.inApplication(owner);
                })
                .toList();
        return new Report(findings, whole.resources(), whole.summary());
    }

    /** The resources, load problems and file counts of the applications, as one input. */
    private static LoadResult merged(List<RenderedApplication> applications) {
        List<Resource> resources = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        int files = 0;
        int skipped = 0;
        for (RenderedApplication application : applications) {
            resources.addAll(application.loaded().resources());
            problems.addAll(application.loaded().problems());
            files += application.loaded().files();
            skipped += application.loaded().skippedFiles();
        }
        return new LoadResult(resources, problems, files, skipped);
    }

    /** What the repository applies wins over what the cluster holds under the same kind, namespace and name. */
    private static List<Resource> outsideOnly(List<RenderedApplication> applications, List<Resource> outside) {
        Set<ResourceRef> seen = new HashSet<>();
        applications.forEach(application ->
                application.loaded().resources().forEach(resource -> seen.add(ResourceRef.of(resource))));
        List<Resource> outsideOnly = new ArrayList<>();
        for (Resource resource : outside) {
            if (seen.add(ResourceRef.of(resource))) {
                outsideOnly.add(resource);
            }
        }
        return outsideOnly;
    }

    /** Reads manifests from memory, e.g. a request body. */
    public Report runText(String file, String text) {
        ManifestLoader loader = new ManifestLoader(limits, settings.defaultNamespace());
        return report(loader.loadText(file, text));
    }
}
