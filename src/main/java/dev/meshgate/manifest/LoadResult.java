package dev.meshgate.manifest;

import java.util.List;

/** The resources read from a set of manifest files, and the problems met on the way. */
public record LoadResult(List<Resource> resources, List<LoadProblem> problems, int files) {}
