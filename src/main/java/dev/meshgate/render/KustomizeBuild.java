package dev.meshgate.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What one kustomize build takes in, and where findings on its output may point.
 *
 * @param entries the folders or files of the repository the build takes in
 * @param originFile the file findings fall back to when no source document or patch holds a field
 * @param resourceFiles the resource files the build reads, bases' first (the first match wins): where a rendered
 *     resource's source document is looked for
 * @param patchFiles the patch files of the build's kustomizations
 * @param sortOptions the sort order the folder built sets, which a wrapper over it carries
 * @param filesOutsideTheWrapper whether the entries include files, which kustomize loads from outside the wrapper's
 *     folder only without its load restriction (as Flux builds)
 */
record KustomizeBuild(
        List<Path> entries,
        Path originFile,
        List<Path> resourceFiles,
        List<PatchFile> patchFiles,
        Optional<JsonNode> sortOptions,
        boolean filesOutsideTheWrapper) {}
