package dev.meshgate.validation;

import dev.meshgate.analysis.policy.FailOn;
import dev.meshgate.analysis.policy.Suppression;
import dev.meshgate.cluster.ClusterView;
import dev.meshgate.render.RenderLimits;
import dev.meshgate.revision.RepositoryUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to validate a repository: what the caller (command line, service, HTTP API) knows beyond the files themselves.
 * Immutable; start from {@link #defaults()} and change what differs.
 *
 * @param configFile the config file to read; empty: {@code .meshgate.yaml} in the folder validated, when present
 * @param namespace the namespace of resources that name none, over the config file's; empty: the config file's
 * @param failOn the severity from which the verdict is "failed"
 * @param suppressions suppressions besides the config file's (e.g. {@code --suppress})
 * @param renderLimits the render tools, their time and size limits, and whether remote bases may be fetched
 * @param repository the repository's clone URL, to pick the Argo CD Applications that deploy from it; empty: all
 * @param input whether to render the applications found, or to read the files as plain YAML
 * @param cluster what exists outside the repository (a live cluster, an inventory), to resolve open references
 * @param crds files or folders of CRD YAML to judge structure by where neither the input nor the cluster has the CRD
 */
public record ValidationOptions(
        Optional<Path> configFile,
        Optional<String> namespace,
        FailOn failOn,
        List<Suppression> suppressions,
        RenderLimits renderLimits,
        Optional<RepositoryUrl> repository,
        Input input,
        Optional<ClusterView> cluster,
        List<Path> crds) {

    /** How the files become resources. */
    public enum Input {
        /** Render what Argo CD or Flux would apply: Applications, Flux objects, kustomizations, charts, plain files. */
        RENDERED,
        /** Read every YAML and JSON file as it is. */
        PLAIN
    }

    public ValidationOptions {
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(renderLimits, "renderLimits");
        Objects.requireNonNull(input, "input");
        suppressions = List.copyOf(suppressions);
        crds = List.copyOf(crds);
    }

    /** Rendered, failing on errors, with the config file of the folder and no cluster. */
    public static ValidationOptions defaults() {
        return new ValidationOptions(
                Optional.empty(),
                Optional.empty(),
                FailOn.ERROR,
                List.of(),
                RenderLimits.defaults(),
                Optional.empty(),
                Input.RENDERED,
                Optional.empty(),
                List.of());
    }

    public ValidationOptions withConfigFile(Path file) {
        return new ValidationOptions(
                Optional.of(file), namespace, failOn, suppressions, renderLimits, repository, input, cluster, crds);
    }

    public ValidationOptions withNamespace(String name) {
        return new ValidationOptions(
                configFile, Optional.of(name), failOn, suppressions, renderLimits, repository, input, cluster, crds);
    }

    public ValidationOptions failingOn(FailOn level) {
        return new ValidationOptions(
                configFile, namespace, level, suppressions, renderLimits, repository, input, cluster, crds);
    }

    public ValidationOptions suppressing(Suppression suppression) {
        List<Suppression> more = new ArrayList<>(suppressions);
        more.add(suppression);
        return new ValidationOptions(
                configFile, namespace, failOn, more, renderLimits, repository, input, cluster, crds);
    }

    public ValidationOptions renderingWith(RenderLimits limits) {
        return new ValidationOptions(
                configFile, namespace, failOn, suppressions, limits, repository, input, cluster, crds);
    }

    public ValidationOptions ofRepository(RepositoryUrl url) {
        return new ValidationOptions(
                configFile, namespace, failOn, suppressions, renderLimits, Optional.of(url), input, cluster, crds);
    }

    public ValidationOptions reading(Input how) {
        return new ValidationOptions(
                configFile, namespace, failOn, suppressions, renderLimits, repository, how, cluster, crds);
    }

    public ValidationOptions lookingUpIn(ClusterView view) {
        return new ValidationOptions(
                configFile, namespace, failOn, suppressions, renderLimits, repository, input, Optional.of(view), crds);
    }

    /** Judges structure by these CRD files or folders where the input and the cluster give no CRD of a kind. */
    public ValidationOptions withCrds(List<Path> paths) {
        return new ValidationOptions(
                configFile, namespace, failOn, suppressions, renderLimits, repository, input, cluster, paths);
    }
}
