package dev.meshgate.analysis.rules;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Flags an object (kind, namespace and name) that is defined more than once: one finding per object, at its second
 * definition, naming the others, however many copies there are. Documents without a written name (generateName,
 * IstioOperator install inputs) name no object, so they never clash.
 */
public final class DuplicateResourceRule implements Rule {

    /** How many other definitions the message names before it only counts the rest. */
    private static final int NAMED = 3;

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "duplicate-resource",
                "Every kind/namespace/name is defined once",
                Set.of(Message.MG0006),
                Set.of(Kinds.ANY));
    }

    @Override
    public void check(Context context) {
        context.onEachResource(resource -> {
            if (resource.at("/metadata/name").asText("").isEmpty()) {
                // generateName objects get a name each when created; unnamed install inputs are no objects.
                return;
            }
            List<Resource> same = context.index().named(resource.kind(), resource.namespace(), resource.name());
            if (same.size() > 1 && same.get(1) == resource) {
                context.report(Message.MG0006, resource, "", resource, others(same, resource));
            }
        });
    }

    private static String others(List<Resource> same, Resource reported) {
        List<String> origins = new ArrayList<>();
        for (Resource other : same) {
            if (other != reported) {
                origins.add(other.origin().toString());
            }
        }
        if (origins.size() <= NAMED) {
            return String.join(", ", origins);
        }
        return String.join(", ", origins.subList(0, NAMED)) + " and " + (origins.size() - NAMED) + " more";
    }
}
