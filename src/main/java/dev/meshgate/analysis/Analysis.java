package dev.meshgate.analysis;

import java.util.List;

/**
 * The outcome of one analysis: the index it ran over, its raw findings in file and line order, and which of those
 * findings are references called missing (each with its reference).
 */
public record Analysis(Index index, List<Finding> findings, List<MissingReference> missingReferences) {}
