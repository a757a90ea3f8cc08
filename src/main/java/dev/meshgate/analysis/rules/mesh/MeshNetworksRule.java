package dev.meshgate.analysis.rules.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.HashSet;
import java.util.Set;

/**
 * A network of the input's meshNetworks (the "istio" ConfigMap's data.meshNetworks, an IstioOperator's
 * values.global.meshNetworks) whose endpoints come fromRegistry a cluster istiod does not know (IST0126): neither
 * Kubernetes, External or Mock, nor istiod's own cluster, nor a cluster of the input's remote secrets (Secrets
 * labelled istio/multiCluster=true, one key per cluster). Remote secrets hold credentials and are seldom in a
 * repository, and istiod's own cluster name is set at installation: unless the input holds both, an unknown registry
 * is unverified.
 */
public final class MeshNetworksRule implements Rule {

    private static final Set<String> BUILT_IN = Set.of("Kubernetes", "External", "Mock");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "mesh-networks-registries",
                "meshNetworks take endpoints from registries istiod knows",
                Set.of(Message.IST0126, Message.MG2003),
                Set.of(Kinds.CONFIG_MAP, Kinds.ISTIO_OPERATOR, Kinds.SECRET, Kinds.DEPLOYMENT));
    }

    @Override
    public void check(Context context) {
        Set<String> known = new HashSet<>(BUILT_IN);
        boolean remoteSecrets = remoteClusters(context, known);
        boolean ownCluster = ownClusters(context, known);
        String reason = remoteSecrets
                ? "the input does not say which cluster istiod runs in (values.global.multiCluster.clusterName)"
                : "the input holds no remote secrets (Secrets labelled istio/multiCluster=true), which name the"
                        + " mesh's other clusters";
        context.forEach(
                Kinds.ISTIO_OPERATOR,
                operator -> networks(
                        context,
                        operator,
                        operator.at("/spec/values/global/meshNetworks"),
                        "/spec/values/global/meshNetworks",
                        known,
                        remoteSecrets && ownCluster,
                        reason));
        context.index()
                .find(Kinds.CONFIG_MAP, context.settings().rootNamespace(), "istio")
                .ifPresent(configMap -> {
                    JsonNode written = MeshConfigSource.parse(
                            configMap.at("/data/meshNetworks").asText(""));
                    // Inside the string every finding points at the string itself.
                    networks(
                            context,
                            configMap,
                            written.path("networks"),
                            null,
                            known,
                            remoteSecrets && ownCluster,
                            reason);
                });
    }

    private static void networks(
            Context context,
            Resource resource,
            JsonNode networks,
            String pointer,
            Set<String> known,
            boolean vouched,
            String reason) {
        Elements.entries(
                networks,
                pointer == null ? "" : pointer,
                (network, body, at) ->
                        Elements.each(body.path("endpoints"), at + "/endpoints", (endpoint, endpointAt) -> {
                            String registry = endpoint.path("fromRegistry").asText("");
                            if (registry.isEmpty() || known.contains(registry)) {
                                return;
                            }
                            String where = pointer == null ? "/data/meshNetworks" : endpointAt + "/fromRegistry";
                            if (vouched) {
                                context.report(Message.IST0126, resource, where, registry, network);
                            } else {
                                context.unresolved(
                                        resource,
                                        where,
                                        Reference.wherever(Reference.Target.SERVICE_REGISTRY, registry, reason),
                                        Message.IST0126,
                                        registry,
                                        network);
                            }
                        }));
    }

    /** Adds the clusters of the input's remote secrets; whether it holds any. */
    private static boolean remoteClusters(Context context, Set<String> known) {
        boolean any = false;
        for (Resource secret : context.index().ofKind(Kinds.SECRET)) {
            if ("true".equals(secret.labels().get("istio/multiCluster"))) {
                any = true;
                for (String field : new String[] {"/data", "/stringData"}) {
                    secret.at(field).fieldNames().forEachRemaining(known::add);
                }
            }
        }
        return any;
    }

    /** Adds the cluster istiod runs in, where the input installs it; whether it does. */
    private static boolean ownClusters(Context context, Set<String> known) {
        boolean any = false;
        for (Resource operator : context.index().ofKind(Kinds.ISTIO_OPERATOR)) {
            any = true;
            String name =
                    operator.at("/spec/values/global/multiCluster/clusterName").asText("");
            known.add(name.isEmpty() ? "Kubernetes" : name);
        }
        for (Resource deployment : context.index().ofKind(Kinds.DEPLOYMENT)) {
            if (IstiodDeployment.is(deployment)) {
                any = true;
                IstiodDeployment.env(deployment, "CLUSTER_ID").ifPresent(known::add);
            }
        }
        return any;
    }
}
