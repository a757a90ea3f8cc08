package dev.meshgate.analysis;

import dev.meshgate.analysis.rules.DuplicateResourceRule;
import dev.meshgate.analysis.rules.LoadProblemRule;
import dev.meshgate.analysis.rules.destinationrule.MtlsConflictRule;
import dev.meshgate.analysis.rules.destinationrule.MultipleDestinationRulesRule;
import dev.meshgate.analysis.rules.destinationrule.SubsetSelectsNoWorkloadRule;
import dev.meshgate.analysis.rules.extensions.WasmPluginRule;
import dev.meshgate.analysis.rules.gateway.ConflictingGatewaysRule;
import dev.meshgate.analysis.rules.gateway.CredentialSecretNotFoundRule;
import dev.meshgate.analysis.rules.mesh.HoldApplicationUntilProxyStartsRule;
import dev.meshgate.analysis.rules.mesh.IstiodReplicasRule;
import dev.meshgate.analysis.rules.mesh.MeshWideMtlsRule;
import dev.meshgate.analysis.rules.mesh.OutboundTrafficPolicyRule;
import dev.meshgate.analysis.rules.mesh.ProxyResourcesRule;
import dev.meshgate.analysis.rules.mesh.RegexMatchCountRule;
import dev.meshgate.analysis.rules.networking.DuplicateNameRule;
import dev.meshgate.analysis.rules.networking.DurationRule;
import dev.meshgate.analysis.rules.networking.HostSyntaxRule;
import dev.meshgate.analysis.rules.networking.HttpRouteActionRule;
import dev.meshgate.analysis.rules.networking.MatchConditionRule;
import dev.meshgate.analysis.rules.networking.PortRule;
import dev.meshgate.analysis.rules.networking.RegexRule;
import dev.meshgate.analysis.rules.networking.RequiredFieldRule;
import dev.meshgate.analysis.rules.networking.RouteWeightRule;
import dev.meshgate.analysis.rules.networking.TlsSettingsRule;
import dev.meshgate.analysis.rules.networking.ValueRangeRule;
import dev.meshgate.analysis.rules.schema.StructureRule;
import dev.meshgate.analysis.rules.security.AuthorizationPolicyRule;
import dev.meshgate.analysis.rules.security.PeerAuthenticationRule;
import dev.meshgate.analysis.rules.security.RequestAuthenticationRule;
import dev.meshgate.analysis.rules.service.PortNameConventionRule;
import dev.meshgate.analysis.rules.sidecar.SidecarSelectorConflictRule;
import dev.meshgate.analysis.rules.telemetry.TelemetryRule;
import dev.meshgate.analysis.rules.virtualservice.ConflictingVirtualServiceHostsRule;
import dev.meshgate.analysis.rules.virtualservice.DestinationHostNotFoundRule;
import dev.meshgate.analysis.rules.virtualservice.DestinationPortRequiredRule;
import dev.meshgate.analysis.rules.virtualservice.GatewayNotFoundRule;
import dev.meshgate.analysis.rules.virtualservice.HostNotInGatewayRule;
import dev.meshgate.analysis.rules.virtualservice.SubsetNotFoundRule;
import dev.meshgate.analysis.rules.workload.SelectorMatchesNoWorkloadRule;
import java.util.List;

/** The one list of rules, alphabetised by class name; a rule that is not here does not run. */
public final class RuleRegistry {

    private RuleRegistry() {}

    public static List<Rule> all() {
        return List.of(
                new AuthorizationPolicyRule(),
                new ConflictingGatewaysRule(),
                new ConflictingVirtualServiceHostsRule(),
                new CredentialSecretNotFoundRule(),
                new DestinationHostNotFoundRule(),
                new DestinationPortRequiredRule(),
                new DuplicateNameRule(),
                new DuplicateResourceRule(),
                new DurationRule(),
                new GatewayNotFoundRule(),
                new HoldApplicationUntilProxyStartsRule(),
                new HostNotInGatewayRule(),
                new HostSyntaxRule(),
                new HttpRouteActionRule(),
                new IstiodReplicasRule(),
                new LoadProblemRule(),
                new MatchConditionRule(),
                new MeshWideMtlsRule(),
                new MtlsConflictRule(),
                new MultipleDestinationRulesRule(),
                new OutboundTrafficPolicyRule(),
                new PeerAuthenticationRule(),
                new PortNameConventionRule(),
                new PortRule(),
                new ProxyResourcesRule(),
                new RegexMatchCountRule(),
                new RegexRule(),
                new RequestAuthenticationRule(),
                new RequiredFieldRule(),
                new RouteWeightRule(),
                new SelectorMatchesNoWorkloadRule(),
                new SidecarSelectorConflictRule(),
                new StructureRule(),
                new SubsetNotFoundRule(),
                new SubsetSelectsNoWorkloadRule(),
                new TelemetryRule(),
                new TlsSettingsRule(),
                new ValueRangeRule(),
                new WasmPluginRule());
    }
}
