package dev.meshgate.analysis;

import java.util.List;

/** The one list of rules, alphabetised by class name; a rule that is not here does not run. */
public final class RuleRegistry {

    private RuleRegistry() {
    }

    public static List<Rule> all() {
        return List.of(
                new dev.meshgate.analysis.rules.gateway.ConflictingGatewaysRule(),
                new dev.meshgate.analysis.rules.virtualservice.ConflictingVirtualServiceHostsRule(),
                new dev.meshgate.analysis.rules.gateway.CredentialSecretNotFoundRule(),
                new dev.meshgate.analysis.rules.virtualservice.DestinationHostNotFoundRule(),
                new dev.meshgate.analysis.rules.DuplicateResourceRule(),
                new dev.meshgate.analysis.rules.virtualservice.GatewayNotFoundRule(),
                new dev.meshgate.analysis.rules.LoadProblemRule(),
                new dev.meshgate.analysis.rules.destinationrule.MtlsConflictRule(),
                new dev.meshgate.analysis.rules.destinationrule.MultipleDestinationRulesRule(),
                new dev.meshgate.analysis.rules.service.PortNameConventionRule(),
                new dev.meshgate.analysis.rules.workload.SelectorMatchesNoWorkloadRule(),
                new dev.meshgate.analysis.rules.sidecar.SidecarSelectorConflictRule(),
                new dev.meshgate.analysis.rules.schema.StructureRule(),
                new dev.meshgate.analysis.rules.virtualservice.SubsetNotFoundRule(),
                new dev.meshgate.analysis.rules.destinationrule.SubsetSelectsNoWorkloadRule());
    }
}
