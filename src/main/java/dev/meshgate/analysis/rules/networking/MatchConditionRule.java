package dev.meshgate.analysis.rules.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.JsonPointer;
import java.util.Locale;
import java.util.Set;

/** HTTP match conditions Istio rejects: empty string matches on uri, scheme, method or authority, and header names
 * with upper-case letters (HTTP/2 header names are lower case, so they never match). */
public final class MatchConditionRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "virtualservice-match-conditions",
                "Match conditions are complete and can match",
                Set.of(Message.MG1106),
                Set.of(Kinds.VIRTUAL_SERVICE));
    }

    @Override
    public void check(Context context) {
        context.onEach(
                Kinds.VIRTUAL_SERVICE,
                vs -> HttpRoutes.eachHttpMatch(vs, (match, pointer) -> {
                    for (String field : new String[] {"uri", "scheme", "method", "authority"}) {
                        JsonNode value = match.path(field);
                        if (value.isObject() && value.isEmpty()) {
                            context.report(
                                    Message.MG1106,
                                    vs,
                                    pointer + "/" + field,
                                    JsonPointer.readable(pointer + "/" + field)
                                            + " is empty: set exact, prefix or regex");
                        }
                    }
                    for (String field : new String[] {"headers", "withoutHeaders"}) {
                        Elements.entries(match.path(field), pointer + "/" + field, (name, value, headerPointer) -> {
                            if (!name.equals(name.toLowerCase(Locale.ROOT))) {
                                context.report(
                                        Message.MG1106,
                                        vs,
                                        headerPointer,
                                        "header name '" + name + "' must be lower case");
                            }
                        });
                    }
                }));
    }
}
