package dev.meshgate.analysis.rules.schema;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.crd.BuiltInCrds;
import dev.meshgate.analysis.crd.CrdCatalog;
import dev.meshgate.analysis.crd.CrdViolation;
import dev.meshgate.manifest.JsonPointer;
import dev.meshgate.manifest.Resource;

/** Turns what the CRDs say about a resource, and what is wrong with the input's own CRDs, into findings. */
final class CrdFindings {

    private CrdFindings() {}

    /** Reports a resource's violations of its CRD; false when no CRD defines its kind. */
    static boolean judge(Context context, Resource resource) {
        return context.crds()
                .judge(resource)
                .map(judgement -> {
                    judgement.violations().forEach(violation -> report(context, resource, violation));
                    return true;
                })
                .orElse(false);
    }

    /**
     * Reports a resource's violations of meshgate's built-in CRD of its kind with the built-in model's codes
     * (IST0106, MG1001); false when no built-in CRD defines its kind.
     */
    static boolean judgeByBuiltInModel(Context context, Resource resource) {
        return BuiltInCrds.judge(resource)
                .map(judgement -> {
                    for (CrdViolation violation : judgement.violations()) {
                        if (violation.problem() == CrdViolation.Problem.INVALID
                                || violation.problem() == CrdViolation.Problem.RULE_FAILED) {
                            String path = JsonPointer.readable(violation.pointer());
                            context.report(
                                    Message.IST0106,
                                    resource,
                                    violation.pointer(),
                                    (path.isEmpty() ? "object" : path) + ": " + violation.detail());
                        } else {
                            report(context, resource, violation);
                        }
                    }
                    return true;
                })
                .orElse(false);
    }

    private static void report(Context context, Resource resource, CrdViolation violation) {
        String path = JsonPointer.readable(violation.pointer());
        switch (violation.problem()) {
            case UNKNOWN_FIELD -> context.report(
                    Message.MG1001,
                    resource,
                    violation.pointer(),
                    path,
                    violation.suggestion() != null
                            ? "did you mean " + violation.suggestion() + "?"
                            : "not in the CustomResourceDefinition of "
                                    + resource.kind().kind());
            case INVALID -> context.report(
                    Message.MG1201,
                    resource,
                    violation.pointer(),
                    path.isEmpty() ? "object" : path,
                    violation.detail());
            case RULE_FAILED -> context.report(
                    Message.MG1202,
                    resource,
                    violation.pointer(),
                    path.isEmpty() ? "object" : path,
                    violation.detail());
            case RULE_NOT_EVALUATED -> context.report(
                    Message.MG1203,
                    resource,
                    violation.pointer(),
                    path.isEmpty() ? "object" : path,
                    violation.detail());
        }
    }

    /** Reports the problems of the input's own CRDs on them; those of other sources become notes elsewhere. */
    static void reportProblemsOfInputCrds(Context context) {
        for (CrdCatalog.Problem problem : context.crds().problems()) {
            if (!problem.source().input()) {
                continue;
            }
            String where = JsonPointer.readable(problem.pointer());
            if (problem.unusable()) {
                context.report(
                        Message.MG1204,
                        problem.crd(),
                        problem.pointer(),
                        problem.crd().name(),
                        where.isEmpty() ? problem.detail() : where + ": " + problem.detail());
            } else {
                context.report(
                        Message.MG1205,
                        problem.crd(),
                        problem.pointer(),
                        problem.crd().name(),
                        where + ": " + problem.detail());
            }
        }
    }
}
