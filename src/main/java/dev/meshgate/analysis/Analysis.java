package dev.meshgate.analysis;

import java.util.List;

/** The outcome of one analysis: the index it ran over and its raw findings in file and line order. */
public record Analysis(Index index, List<Finding> findings) {}
