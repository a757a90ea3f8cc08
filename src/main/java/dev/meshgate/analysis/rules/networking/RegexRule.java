package dev.meshgate.analysis.rules.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.analysis.rules.values.Re2Compatibility;
import dev.meshgate.manifest.JsonPointer;
import dev.meshgate.manifest.Resource;
import java.util.List;
import java.util.Set;

/** Regular expressions in HTTP matches and CORS origins that do not compile or use what RE2 (Envoy) lacks. */
public final class RegexRule implements Rule {

    private static final List<String> SINGLE = List.of("uri", "scheme", "method", "authority");
    private static final List<String> MAPS = List.of("headers", "queryParams", "withoutHeaders");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "virtualservice-regex",
                "Regular expressions compile in RE2",
                Set.of(Message.IST0122),
                Set.of(Kinds.VIRTUAL_SERVICE));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.VIRTUAL_SERVICE, vs -> {
            HttpRoutes.eachHttpMatch(vs, (match, pointer) -> {
                for (String field : SINGLE) {
                    check(context, vs, match.path(field), pointer + "/" + field);
                }
                for (String field : MAPS) {
                    Elements.entries(
                            match.path(field),
                            pointer + "/" + field,
                            (name, value, valuePointer) -> check(context, vs, value, valuePointer));
                }
            });
            HttpRoutes.each(
                    vs,
                    (route, pointer) -> Elements.each(
                            route.path("corsPolicy").path("allowOrigins"),
                            pointer + "/corsPolicy/allowOrigins",
                            (origin, originPointer) -> check(context, vs, origin, originPointer)));
        });
    }

    /** Checks the regex member of a StringMatch. */
    private static void check(Context context, Resource vs, JsonNode stringMatch, String pointer) {
        JsonNode regex = stringMatch.path("regex");
        if (regex.isTextual()) {
            String regexPointer = pointer + "/regex";
            Re2Compatibility.problem(regex.asText())
                    .ifPresent(problem -> context.report(
                            Message.IST0122,
                            vs,
                            regexPointer,
                            JsonPointer.readable(regexPointer),
                            regex.asText(),
                            problem));
        }
    }
}
