package dev.meshgate.analysis.crd;

import java.util.List;
import java.util.Map;

/**
 * What one CustomResourceDefinition says about its kind: the schema of each version and whether it is served, and
 * the rules that could not be compiled (skipped, reported on the CRD).
 */
record CrdDefinition(
        String name,
        String group,
        String kind,
        Map<String, Version> versions,
        String istioVersion,
        List<SchemaParser.RuleProblem> ruleProblems) {

    /** One version of the kind; its schema is null when the CRD gives none (anything goes, as for the API server). */
    record Version(String name, boolean served, SchemaNode schema) {}
}
