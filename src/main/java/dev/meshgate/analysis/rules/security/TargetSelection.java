package dev.meshgate.analysis.rules.security;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Message;
import dev.meshgate.manifest.Resource;

/**
 * Policies pick workloads by selector, by targetRef or by targetRefs, only one of them (AuthorizationPolicy,
 * WasmPlugin, ...).
 */
public final class TargetSelection {

    private TargetSelection() {}

    public static void check(Context context, Resource resource) {
        boolean selector = resource.at("/spec/selector").isObject();
        boolean targetRef = !resource.at("/spec/targetRef").isMissingNode();
        if (selector && targetRef) {
            context.report(Message.MG1108, resource, "/spec/targetRef", "selector and targetRef");
        }
        if (!resource.at("/spec/targetRefs").isMissingNode() && (selector || targetRef)) {
            context.report(
                    Message.MG1108,
                    resource,
                    "/spec/targetRefs",
                    (selector ? "selector" : "targetRef") + " and targetRefs");
        }
    }
}
