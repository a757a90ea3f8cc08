package dev.meshgate.analysis.rules.security;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Message;
import dev.meshgate.manifest.Resource;

/** Policies pick workloads by selector or by targetRef(s), never both (AuthorizationPolicy, WasmPlugin, ...). */
public final class TargetSelection {

    private TargetSelection() {}

    public static void check(Context context, Resource resource) {
        if (resource.at("/spec/selector").isObject()) {
            for (String target : new String[] {"targetRef", "targetRefs"}) {
                if (!resource.at("/spec/" + target).isMissingNode()) {
                    context.report(Message.MG1108, resource, "/spec/" + target, "selector and " + target);
                }
            }
        }
    }
}
