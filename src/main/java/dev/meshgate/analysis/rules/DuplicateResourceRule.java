package dev.meshgate.analysis.rules;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.Resource;
import java.util.List;
import java.util.Set;

/** Flags two documents that define the same kind, namespace and name. */
public final class DuplicateResourceRule implements Rule {

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
            List<Resource> same = context.index().named(resource.kind(), resource.namespace(), resource.name());
            if (same.size() > 1 && same.get(0) != resource) {
                context.report(
                        Message.MG0006, resource, "", resource, same.get(0).origin());
            }
        });
    }
}
