package dev.meshgate.analysis.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.manifest.CrdGroups;
import dev.meshgate.manifest.Resource;
import dev.meshgate.manifest.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CRDs of the Istio (and Gateway API) that will receive the configuration, from every source in precedence
 * order: the input's own CRDs, then the cluster's or the inventory's, then files given with {@code --crds}. The first
 * usable CRD of a kind judges it; an unusable one is a {@link Problem} and the next source serves. It records which
 * source judged which kinds, so that the report can say what knowledge was used.
 */
public final class CrdCatalog {

    /** Where a CRD came from, as the report names it, e.g. "the CRDs in istio-base/". */
    public record Source(String description, boolean input) {}

    /** A CRD that is unusable (its kinds fall to the next source) or has a rule that does not compile. */
    public record Problem(Resource crd, Source source, String pointer, String detail, boolean unusable) {}

    /** How one resource fares against its CRD. */
    public record Judgement(String source, List<CrdViolation> violations) {}

    private record Entry(CrdDefinition definition, Source source) {}

    private final Map<ResourceKind, Entry> byKind;
    private final List<Problem> problems;
    private final Map<String, Set<String>> used = new LinkedHashMap<>();
    private final Set<String> builtIn = new LinkedHashSet<>();

    private CrdCatalog(Map<ResourceKind, Entry> byKind, List<Problem> problems) {
        this.byKind = byKind;
        this.problems = problems;
    }

    /** No CRDs: every kind is judged by the built-in model. */
    public static CrdCatalog empty() {
        return new CrdCatalog(Map.of(), List.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether meshgate takes a CRD of this group into account (Istio's groups and the Gateway API): the reader keeps
     * the schemas of these only.
     */
    public static boolean judgesGroup(String group) {
        return CrdGroups.schemaRead(group);
    }

    /** Whether the resource is a CustomResourceDefinition. */
    public static boolean isCrd(Resource resource) {
        return "apiextensions.k8s.io".equals(resource.kind().group())
                && "CustomResourceDefinition".equals(resource.kind().kind());
    }

    /**
     * Reads the CRDs among the resources now, on this thread, so that the catalogs that analyses build later find
     * them read: rendering hands over each application as it is rendered, while others still render. What makes a
     * CRD unusable is left to those catalogs to report.
     */
    public static void readAhead(List<Resource> resources) {
        for (Resource resource : resources) {
            if (isCrd(resource) && schemaRead(resource)) {
                try {
                    CrdReader.read(resource.body());
                } catch (InvalidCrdException | RuntimeException e) {
                    // the catalog that reads it again reports it
                }
            }
        }
    }

    /** Starts the CEL engine that judges CRDs' rules, ahead of the first CRD (see {@link CelEnvironment#warmUp}). */
    public static void warmUp() {
        CelEnvironment.warmUp();
    }

    private static boolean schemaRead(Resource resource) {
        JsonNode group = resource.at("/spec/group");
        return group.isTextual() && judgesGroup(group.asText());
    }

    /** Whether some source defines the kind. */
    public boolean defines(ResourceKind kind) {
        return byKind.containsKey(kind);
    }

    /** Judges a resource by its kind's CRD; empty when no source defines the kind. */
    public Optional<Judgement> judge(Resource resource) {
        Entry entry = byKind.get(resource.kind());
        if (entry == null) {
            return Optional.empty();
        }
        String label = label(entry);
        synchronized (used) {
            used.computeIfAbsent(label, key -> new LinkedHashSet<>())
                    .add(resource.kind().kind());
        }
        String apiVersion = resource.apiVersion();
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        CrdDefinition.Version served = entry.definition().versions().get(version);
        if (served == null || !served.served()) {
            return Optional.of(new Judgement(
                    label,
                    List.of(new CrdViolation(
                            "/apiVersion",
                            CrdViolation.Problem.INVALID,
                            "apiVersion " + apiVersion + " is not served by the CRD (served: "
                                    + String.join(
                                            ", ",
                                            entry.definition().versions().values().stream()
                                                    .filter(CrdDefinition.Version::served)
                                                    .map(CrdDefinition.Version::name)
                                                    .toList())
                                    + ")",
                            null))));
        }
        if (served.schema() == null) {
            return Optional.of(new Judgement(label, List.of()));
        }
        return Optional.of(new Judgement(
                label, SchemaValidator.validate(resource.body(), served.schema(), CostBudget.standard())));
    }

    /** Records that a kind no source defines was judged by the built-in model. */
    public void judgedByBuiltInModel(ResourceKind kind) {
        synchronized (builtIn) {
            builtIn.add(kind.kind());
        }
    }

    /** The CRDs that could not be used, or only in part. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * What structure was checked against, one line per source used: "structure checked against the CRDs in
     * istio-base/ (Istio 1.27.1): Gateway, VirtualService".
     *
     * @param builtInModel how the built-in model is named, e.g. "meshgate's built-in model of Istio 1.30"
     */
    public List<String> knowledgeUsed(String builtInModel) {
        List<String> lines = new ArrayList<>();
        synchronized (used) {
            used.forEach((label, kinds) -> lines.add(
                    "structure checked against " + label + ": " + String.join(", ", new java.util.TreeSet<>(kinds))));
        }
        synchronized (builtIn) {
            if (!builtIn.isEmpty()) {
                lines.add("structure checked against " + builtInModel
                        + (used.isEmpty() ? "" : ": " + String.join(", ", new java.util.TreeSet<>(builtIn))));
            }
        }
        return lines;
    }

    private static String label(Entry entry) {
        String version = entry.definition().istioVersion();
        return entry.source().description() + (version == null ? "" : " (Istio " + version + ")");
    }

    /** Collects CRDs source by source, the most authoritative first. */
    public static final class Builder {

        private final Map<ResourceKind, Entry> byKind = new LinkedHashMap<>();
        private final List<Problem> problems = new ArrayList<>();

        private Builder() {}

        /** Adds the CRDs among the resources (others are ignored); a kind already defined keeps its CRD. */
        public Builder add(List<Resource> resources, Source source) {
            Map<ResourceKind, Entry> fromThisSource = new LinkedHashMap<>();
            for (Resource resource : resources) {
                if (isCrd(resource)) {
                    read(resource, source)
                            .ifPresent(entry -> fromThisSource.putIfAbsent(
                                    new ResourceKind(
                                            entry.definition().group(),
                                            entry.definition().kind()),
                                    entry));
                }
            }
            fromThisSource.forEach(byKind::putIfAbsent);
            return this;
        }

        private Optional<Entry> read(Resource resource, Source source) {
            if (!schemaRead(resource)) {
                return Optional.empty();
            }
            try {
                CrdDefinition definition = CrdReader.read(resource.body());
                for (SchemaParser.RuleProblem rule : definition.ruleProblems()) {
                    problems.add(new Problem(
                            resource,
                            source,
                            rule.pointer(),
                            "rule " + rule.rule() + " does not compile: " + rule.reason(),
                            false));
                }
                return Optional.of(new Entry(definition, source));
            } catch (InvalidCrdException e) {
                problems.add(new Problem(resource, source, e.pointer(), e.getMessage(), true));
                return Optional.empty();
            } catch (RuntimeException e) {
                // Whatever else a hostile CRD provokes, it must cost its own kinds their CRD, not the run.
                problems.add(new Problem(resource, source, "", "cannot be read: " + e, true));
                return Optional.empty();
            }
        }

        /** Adds the input's own CRDs, each folder of them a source of its own ("the CRDs in istio-base/"). */
        public Builder addInput(List<Resource> resources) {
            Map<String, List<Resource>> byFolder = new LinkedHashMap<>();
            for (Resource resource : resources) {
                if (isCrd(resource)) {
                    String file = resource.origin().file();
                    int slash = file.lastIndexOf('/');
                    String folder = slash < 0 ? "the CRDs in " + file : "the CRDs in " + file.substring(0, slash + 1);
                    byFolder.computeIfAbsent(folder, key -> new ArrayList<>()).add(resource);
                }
            }
            byFolder.forEach((folder, crds) -> add(crds, new Source(folder, true)));
            return this;
        }

        public CrdCatalog build() {
            return new CrdCatalog(Map.copyOf(byKind), List.copyOf(problems));
        }
    }
}
