package dev.meshgate.analysis.rules.schema;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.crd.CrdCatalog;
import dev.meshgate.analysis.schema.ModelKind;
import dev.meshgate.analysis.schema.StructureValidator;
import dev.meshgate.analysis.schema.StructureViolation;
import dev.meshgate.manifest.JsonPointer;
import dev.meshgate.manifest.Resource;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every Istio (and Gateway API) resource against its kind's CRD where a source gives one (MG1001, MG1201 to
 * MG1203), else against the built-in model worked out from fabric8's (and, for kinds it lacks such as TrafficExtension, meshgate's built-in
 * CRDs): unknown fields (MG1001), wrong types, bad enum values, unsigned integers out of range and apiVersions Istio
 * does not serve (IST0106), required fields the model does not mark (MG1110), each at the offending field's line. Problems of the input's CRDs: MG1204, MG1205.
 */
public final class StructureRule implements Rule {

    private final StructureValidator validator = new StructureValidator();

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "schema",
                "Istio resources match the Istio API: known fields, right types, valid enums",
                Set.of(
                        Message.MG1001,
                        Message.IST0106,
                        Message.MG1110,
                        Message.MG1201,
                        Message.MG1202,
                        Message.MG1203,
                        Message.MG1204,
                        Message.MG1205),
                Set.of(Kinds.ANY));
    }

    @Override
    public void check(Context context) {
        CrdFindings.reportProblemsOfInputCrds(context);
        context.onEachResource(resource -> {
            if (CrdCatalog.judgesGroup(resource.kind().group()) && CrdFindings.judge(context, resource)) {
                return;
            }
            if (Kinds.isIstio(resource.kind())) {
                context.crds().judgedByBuiltInModel(resource.kind());
                check(context, resource);
            }
        });
    }

    private void check(Context context, Resource resource) {
        Optional<ModelKind> model = StructureValidator.modelFor(
                resource.apiVersion(), resource.kind().kind());
        if (model.isEmpty()) {
            if (CrdFindings.judgeByBuiltInModel(context, resource)) {
                return;
            }
            if (StructureValidator.knownKind(
                    resource.kind().group(), resource.kind().kind())) {
                context.report(
                        Message.IST0106,
                        resource,
                        "/apiVersion",
                        "apiVersion " + resource.apiVersion() + " does not serve kind "
                                + resource.kind().kind());
            }
            return;
        }
        for (StructureViolation violation : validator.validate(resource.body(), model.get())) {
            String path = JsonPointer.readable(violation.pointer());
            if (violation.problem() == StructureViolation.Problem.UNKNOWN_FIELD) {
                int hint = violation.detail().indexOf("did you mean");
                context.report(
                        Message.MG1001,
                        resource,
                        violation.pointer(),
                        path,
                        hint >= 0
                                ? violation.detail().substring(hint)
                                : "not in the " + resource.kind().kind() + " API");
            } else if (violation.problem() == StructureViolation.Problem.MISSING_FIELD) {
                context.report(
                        Message.MG1110,
                        resource,
                        violation.pointer(),
                        (path.isEmpty() ? "" : path + ".") + violation.detail());
            } else {
                context.report(Message.IST0106, resource, violation.pointer(), path + ": " + violation.detail());
            }
        }
    }
}
