package dev.meshgate.analysis.rules.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import java.util.Set;

/** A VirtualService with more regular-expression matches than the configured limit (default 10). */
public final class RegexMatchCountRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "virtualservice-regex-count",
                "VirtualServices keep regular-expression matches few",
                Set.of(Message.MG3007),
                Set.of(Kinds.VIRTUAL_SERVICE));
    }

    @Override
    public void check(Context context) {
        int limit = context.settings().regexMatchLimit();
        context.onEach(Kinds.VIRTUAL_SERVICE, vs -> {
            int count = countRegex(vs.at("/spec/http"));
            if (count > limit) {
                context.report(Message.MG3007, vs, "/spec/http", count, limit);
            }
        });
    }

    /** Counts every "regex" member below the node (StringMatch regexes in any match field). */
    private static int countRegex(JsonNode node) {
        int count = 0;
        if (node.isObject()) {
            if (node.path("regex").isTextual()) {
                count++;
            }
            for (JsonNode child : node) {
                count += countRegex(child);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                count += countRegex(child);
            }
        }
        return count;
    }
}
