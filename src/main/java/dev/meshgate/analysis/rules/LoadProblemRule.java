package dev.meshgate.analysis.rules;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.LoadProblem;
import java.util.Set;

/** Reports what kept files from being read (malformed YAML, safety limits, non-objects) at its file and line. */
public final class LoadProblemRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "manifest",
                "Every file is well-formed YAML or JSON holding Kubernetes objects",
                Set.of(
                        Message.MG0001,
                        Message.MG0002,
                        Message.MG0003,
                        Message.MG0004,
                        Message.MG0005,
                        Message.MG0007,
                        Message.MG0008),
                Set.of());
    }

    @Override
    public void check(Context context) {
        for (LoadProblem problem : context.loadProblems()) {
            context.reportAt(codeOf(problem.type()), problem.origin(), problem.detail());
        }
    }

    static Message codeOf(LoadProblem.Type type) {
        return switch (type) {
            case SYNTAX -> Message.MG0001;
            case LIMIT -> Message.MG0002;
            case NOT_AN_OBJECT -> Message.MG0003;
            case DUPLICATE_KEY -> Message.MG0004;
            case UNREADABLE -> Message.MG0005;
            case RENDER_FAILED -> Message.MG0007;
            case NOT_ANALYSED -> Message.MG0008;
        };
    }
}
