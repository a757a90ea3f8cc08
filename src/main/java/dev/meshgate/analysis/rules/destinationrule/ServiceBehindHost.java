package dev.meshgate.analysis.rules.destinationrule;

import dev.meshgate.analysis.Index;
import dev.meshgate.analysis.Workload;
import dev.meshgate.manifest.Resource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The Service a DestinationRule host names, with its pod selector, and the workloads a subset of it selects. */
record ServiceBehindHost(Resource service, Map<String, String> selector) {

    /** The Service for a fully qualified host, when the input has one with a pod selector. */
    static Optional<ServiceBehindHost> of(Index index, String fqdn) {
        return index.service(fqdn)
                .map(service -> new ServiceBehindHost(service, Resource.stringMap(service.at("/spec/selector"))))
                .filter(s -> !s.selector().isEmpty());
    }

    /** The workloads behind the Service that also carry the subset's labels. */
    List<Workload> workloads(Index index, Map<String, String> subsetLabels) {
        Map<String, String> combined = new HashMap<>(selector);
        combined.putAll(subsetLabels);
        return index.workloads(service.namespace(), combined);
    }

    /** The labels a subset's pods carry, the Service's selector with the subset's labels: "app=reviews,version=v1". */
    String combined(Map<String, String> subsetLabels) {
        Map<String, String> combined = new TreeMap<>(selector);
        combined.putAll(subsetLabels);
        return combined.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
