package dev.meshgate.analysis.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.analysis.rules.workload.WorkloadEndpointFields.Addresses;
import dev.meshgate.manifest.Resource;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * WorkloadGroups Istio rejects: no template, labels that are no Kubernetes labels, template ports outside 1..65535,
 * a template Unix domain socket that is relative, a directory or has ports, and readiness probes with negative timings,
 * no check method, ports outside 1..65535, a scheme other than HTTP or HTTPS, header names Kubernetes refuses or an
 * exec without a command or with an empty argument.
 */
public final class WorkloadGroupRule implements Rule {

    private static final Pattern PROBE_HEADER = Pattern.compile("[-A-Za-z0-9]+");
    private static final List<String> TIMINGS =
            List.of("periodSeconds", "initialDelaySeconds", "timeoutSeconds", "successThreshold", "failureThreshold");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "workloadgroup-semantics",
                "WorkloadGroups are accepted by Istio",
                Set.of(Message.MG1105, Message.MG1110, Message.MG1111, Message.MG1122, Message.MG1123, Message.MG1124),
                Set.of(Kinds.WORKLOAD_GROUP));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.WORKLOAD_GROUP, group -> {
            JsonNode template = group.at("/spec/template");
            if (!template.isObject()) {
                context.report(Message.MG1110, group, "/spec", "template");
            } else {
                WorkloadEndpointFields.check(context, group, template, "/spec/template", Addresses.NONE, null);
            }
            WorkloadEndpointFields.checkLabels(
                    context, group, group.at("/spec/metadata/labels"), "/spec/metadata/labels");
            JsonNode probe = group.at("/spec/probe");
            if (probe.isObject()) {
                checkProbe(context, group, probe);
            }
        });
    }

    private static void checkProbe(Context context, Resource group, JsonNode probe) {
        String pointer = "/spec/probe";
        for (String timing : TIMINGS) {
            if (probe.path(timing).isNumber() && probe.path(timing).asLong() < 0) {
                context.report(Message.MG1111, group, pointer + "/" + timing, timing, "must not be negative");
            }
        }
        if (probe.path("httpGet").isObject()) {
            JsonNode http = probe.path("httpGet");
            checkPort(context, group, http.path("port"), pointer + "/httpGet/port");
            String scheme = http.path("scheme").asText("");
            if (!scheme.isEmpty() && !scheme.equals("HTTP") && !scheme.equals("HTTPS")) {
                context.report(
                        Message.MG1111, group, pointer + "/httpGet/scheme", "httpGet scheme", "must be HTTP or HTTPS");
            }
            Elements.each(http.path("httpHeaders"), pointer + "/httpGet/httpHeaders", (header, at) -> {
                String name = header.path("name").asText("");
                if (!PROBE_HEADER.matcher(name).matches()) {
                    context.report(
                            Message.MG1124, group, at + "/name", name, "only letters, digits and '-' in probe headers");
                }
            });
        } else if (probe.path("tcpSocket").isObject()) {
            checkPort(context, group, probe.path("tcpSocket").path("port"), pointer + "/tcpSocket/port");
        } else if (probe.path("exec").isObject()) {
            if (probe.path("exec").path("command").isEmpty()) {
                context.report(Message.MG1110, group, pointer + "/exec", "exec command");
            }
            Elements.each(probe.path("exec").path("command"), pointer + "/exec/command", (argument, at) -> {
                if (argument.asText("").isEmpty()) {
                    context.report(Message.MG1110, group, at, "exec command argument (empty)");
                }
            });
        } else {
            context.report(Message.MG1110, group, pointer, "probe method (httpGet, tcpSocket or exec)");
        }
    }

    private static void checkPort(Context context, Resource group, JsonNode port, String pointer) {
        long number = port.asLong(0);
        if (number < 1 || number > 65535) {
            context.report(Message.MG1105, group, pointer, port.asText("0"), "must be between 1 and 65535");
        }
    }
}
