package dev.meshgate.analysis.schema;

/** An apiVersion and kind the built-in model serves, with the number of its shape in the model's catalog. */
public record ModelKind(String apiVersion, String kind, int root) {}
