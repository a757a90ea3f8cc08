package dev.meshgate.analysis.rules.networking;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.ResourceKind;
import java.util.Set;

/**
 * exportTo entries of VirtualServices, DestinationRules and ServiceEntries that name a namespace the input does not
 * have (MG2030, Kiali's KIA0005). Judged only when the input declares Namespace objects (its own, or the cluster's or
 * inventory's), and a namespace the input puts anything in counts as existing.
 */
public final class ExportToNamespaceRule implements Rule {

    private static final Set<String> SCOPES = Set.of(".", "*", "~");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "networking-export-to-namespaces",
                "exportTo names namespaces that exist",
                Set.of(Message.MG2030),
                Set.of(Kinds.VIRTUAL_SERVICE, Kinds.DESTINATION_RULE, Kinds.SERVICE_ENTRY, Kinds.NAMESPACE));
    }

    @Override
    public void check(Context context) {
        if (context.index().ofKind(Kinds.NAMESPACE).isEmpty()) {
            return;
        }
        for (ResourceKind kind : Set.of(Kinds.VIRTUAL_SERVICE, Kinds.DESTINATION_RULE, Kinds.SERVICE_ENTRY)) {
            context.onEach(
                    kind,
                    resource -> Elements.each(resource.at("/spec/exportTo"), "/spec/exportTo", (entry, pointer) -> {
                        String namespace = entry.asText("");
                        if (!namespace.isEmpty()
                                && !SCOPES.contains(namespace)
                                && context.index()
                                        .find(Kinds.NAMESPACE, "", namespace)
                                        .isEmpty()
                                && !context.index().managesNamespace(namespace)) {
                            context.report(Message.MG2030, resource, pointer, namespace);
                        }
                    }));
        }
    }
}
