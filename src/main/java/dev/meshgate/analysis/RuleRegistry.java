package dev.meshgate.analysis;

import java.util.List;

/** The one list of rules, alphabetised by class name; a rule that is not here does not run. */
public final class RuleRegistry {

    private RuleRegistry() {
    }

    public static List<Rule> all() {
        return List.of(
                new dev.meshgate.analysis.rules.DuplicateResourceRule(),
                new dev.meshgate.analysis.rules.LoadProblemRule(),
                new dev.meshgate.analysis.rules.schema.StructureRule(),
                new dev.meshgate.analysis.rules.virtualservice.SubsetNotFoundRule());
    }
}
