package dev.meshgate.analysis.rules.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.networking.TrafficPolicies;
import dev.meshgate.analysis.rules.values.Durations;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/**
 * Load balancer settings Istio rejects: a warm-up without a valid duration, with minimumPercent outside 0..100 or an
 * aggression that is not positive; consistent hashing by a cookie without a name or with unnamed or repeated cookie
 * attributes, minimumRingSize next to ringHash or maglev, a maglev table size that is unset, not prime or too big;
 * and locality next to zone-aware load balancing.
 */
public final class LoadBalancerRule implements Rule {

    /** Envoy's limit on the maglev table size. */
    private static final long MAGLEV_LIMIT = 5_000_011L;

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "destinationrule-load-balancer",
                "Warm-up, consistent hash and locality settings are accepted by Istio",
                Set.of(Message.MG1103, Message.MG1108, Message.MG1109, Message.MG1110, Message.MG1111),
                Set.of(Kinds.DESTINATION_RULE));
    }

    @Override
    public void check(Context context) {
        context.onEach(
                Kinds.DESTINATION_RULE,
                rule -> TrafficPolicies.each(rule, (policy, pointer) -> {
                    JsonNode balancer = policy.path("loadBalancer");
                    if (!balancer.isObject()) {
                        return;
                    }
                    String at = pointer + "/loadBalancer";
                    checkWarmup(context, rule, balancer.path("warmup"), at + "/warmup");
                    checkConsistentHash(context, rule, balancer.path("consistentHash"), at + "/consistentHash");
                    if (balancer.path("localityLbSetting").isObject()
                            && balancer.path("zoneAwareLbSetting").isObject()) {
                        context.report(
                                Message.MG1108,
                                rule,
                                at + "/zoneAwareLbSetting",
                                "localityLbSetting and zoneAwareLbSetting");
                    }
                }));
    }

    private static void checkWarmup(Context context, Resource rule, JsonNode warmup, String pointer) {
        if (!warmup.isObject()) {
            return;
        }
        JsonNode duration = warmup.path("duration");
        if (!duration.isTextual()) {
            context.report(Message.MG1110, rule, pointer, "warmup duration");
        } else {
            Durations.problem(duration.asText(), BigDecimal.ONE)
                    .ifPresent(problem -> context.report(
                            Message.MG1103,
                            rule,
                            pointer + "/duration",
                            "warmup duration",
                            duration.asText(),
                            problem));
        }
        JsonNode percent = warmup.path("minimumPercent");
        if (percent.isNumber() && (percent.asDouble() < 0 || percent.asDouble() > 100)) {
            context.report(
                    Message.MG1111,
                    rule,
                    pointer + "/minimumPercent",
                    "warmup minimumPercent",
                    percent.asText() + " must be between 0 and 100");
        }
        JsonNode aggression = warmup.path("aggression");
        if (aggression.isNumber() && aggression.asDouble() <= 0) {
            context.report(
                    Message.MG1111,
                    rule,
                    pointer + "/aggression",
                    "warmup aggression",
                    aggression.asText() + " must be greater than 0");
        }
    }

    private static void checkConsistentHash(Context context, Resource rule, JsonNode hash, String pointer) {
        if (!hash.isObject()) {
            return;
        }
        JsonNode cookie = hash.path("httpCookie");
        if (cookie.isObject()) {
            if (cookie.path("name").asText("").isEmpty()) {
                context.report(Message.MG1110, rule, pointer + "/httpCookie", "httpCookie name");
            }
            Set<String> names = new HashSet<>();
            Elements.each(cookie.path("attributes"), pointer + "/httpCookie/attributes", (attribute, at) -> {
                String name = attribute.path("name").asText("");
                if (name.isEmpty()) {
                    context.report(Message.MG1110, rule, at, "cookie attribute name");
                } else if (!names.add(name)) {
                    context.report(Message.MG1109, rule, at + "/name", "cookie attribute '" + name + "'");
                }
            });
        }
        boolean algorithm =
                hash.path("ringHash").isObject() || hash.path("maglev").isObject();
        if (hash.path("minimumRingSize").asLong(0) != 0 && algorithm) {
            context.report(
                    Message.MG1108, rule, pointer + "/minimumRingSize", "minimumRingSize and ringHash or maglev");
        }
        JsonNode maglev = hash.path("maglev");
        if (maglev.isObject()) {
            long size = maglev.path("tableSize").asLong(0);
            String problem = size == 0
                    ? "must be set"
                    : size >= MAGLEV_LIMIT ? "must be less than " + MAGLEV_LIMIT : prime(size) ? null : "must be prime";
            if (problem != null) {
                context.report(
                        Message.MG1111, rule, pointer + "/maglev/tableSize", "maglev tableSize", size + " " + problem);
            }
        }
    }

    /** Envoy's primality test for table sizes (1, 2 and 3 count as prime). */
    private static boolean prime(long number) {
        if (number < 4) {
            return true;
        }
        if (number % 2 == 0) {
            return false;
        }
        for (long factor = 3; factor * factor <= number; factor += 2) {
            if (number % factor == 0) {
                return false;
            }
        }
        return true;
    }
}
