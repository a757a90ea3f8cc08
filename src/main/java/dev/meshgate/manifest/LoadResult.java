package dev.meshgate.manifest;

import java.util.List;

/**
 * The resources read from a set of manifest files, and the problems met on the way.
 *
 * @param files the YAML and JSON files read
 * @param skippedFiles those of them that hold no Kubernetes object (package.json, Helm values, CI configurations),
 *     passed over as the GitOps tools do
 */
public record LoadResult(List<Resource> resources, List<LoadProblem> problems, int files, int skippedFiles) {

    /** A result in which no file was skipped, e.g. a renderer's output. */
    public LoadResult(List<Resource> resources, List<LoadProblem> problems, int files) {
        this(resources, problems, files, 0);
    }
}
