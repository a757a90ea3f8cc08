package dev.meshgate.analysis;

import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resources by the wildcard hosts they declare ("*.example.com", "*foo.example.com", "*"), filed under the domain
 * after the pattern's first dot. A look-up tries the domains after each dot of the host only, so it costs the host's
 * labels and the patterns that share a domain with it, not every wildcard of the input.
 */
final class WildcardHosts {

    private record Entry(String pattern, Resource resource, int order) {}

    private final Map<String, List<Entry>> byDomain = new HashMap<>();
    private final Map<Resource, Integer> order = new IdentityHashMap<>();

    /** Files a resource under one of its wildcard patterns (already fully qualified). */
    void add(String pattern, Resource resource) {
        int ordinal = order.computeIfAbsent(resource, r -> order.size());
        byDomain.computeIfAbsent(domain(pattern), k -> new ArrayList<>()).add(new Entry(pattern, resource, ordinal));
    }

    /** The resources a wildcard of which covers the host, each once, in the order they were added. */
    List<Resource> covering(String host) {
        if (byDomain.isEmpty()) {
            return List.of();
        }
        List<Entry> found = new ArrayList<>();
        collect(byDomain.get(""), host, found);
        for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
            collect(byDomain.get(host.substring(dot + 1)), host, found);
        }
        if (found.isEmpty()) {
            return List.of();
        }
        found.sort(Comparator.comparingInt(Entry::order));
        List<Resource> resources = new ArrayList<>(found.size());
        for (Entry entry : found) {
            if (resources.isEmpty() || resources.get(resources.size() - 1) != entry.resource()) {
                resources.add(entry.resource());
            }
        }
        return resources;
    }

    private static void collect(List<Entry> entries, String host, List<Entry> into) {
        if (entries == null) {
            return;
        }
        for (Entry entry : entries) {
            if (HostNames.matches(entry.pattern(), host)) {
                into.add(entry);
            }
        }
    }

    /**
     * What follows the first dot of the pattern: every host the pattern covers ends with "." and this domain, so it
     * is one of the host's own dot-suffixes. A pattern without a dot ("*", "*com") may cover any host.
     */
    private static String domain(String pattern) {
        int dot = pattern.indexOf('.');
        return dot < 0 ? "" : pattern.substring(dot + 1);
    }
}
