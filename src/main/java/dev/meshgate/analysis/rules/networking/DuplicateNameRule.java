package dev.meshgate.analysis.rules.networking;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Names that must be unique within a resource: DestinationRule subsets and Gateway server port names. */
public final class DuplicateNameRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "networking-duplicate-names",
                "Subset names and server port names are unique",
                Set.of(Message.MG1109),
                Set.of(Kinds.DESTINATION_RULE, Kinds.GATEWAY));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.DESTINATION_RULE, dr -> {
            Set<String> seen = new java.util.HashSet<>();
            Elements.each(dr.at("/spec/subsets"), "/spec/subsets", (subset, pointer) -> {
                String name = subset.path("name").asText("");
                if (!name.isEmpty() && !seen.add(name)) {
                    context.report(Message.MG1109, dr, pointer + "/name", "subset '" + name + "' is defined twice");
                }
            });
        });
        context.onEach(Kinds.GATEWAY, gateway -> {
            // A port name may repeat for the same port number (several servers on 443), not for another number.
            Map<String, String> numbersByName = new HashMap<>();
            Elements.each(gateway.at("/spec/servers"), "/spec/servers", (server, pointer) -> {
                String name = server.path("port").path("name").asText("");
                String number = server.path("port").path("number").asText("");
                String previous = name.isEmpty() ? null : numbersByName.putIfAbsent(name, number);
                if (previous != null && !previous.equals(number)) {
                    context.report(
                            Message.MG1109,
                            gateway,
                            pointer + "/port/name",
                            "port name '" + name + "' is used for ports " + previous + " and " + number);
                }
            });
        });
    }
}
