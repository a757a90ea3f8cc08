package dev.meshgate.analysis;

import dev.meshgate.manifest.Resource;
import dev.meshgate.manifest.ResourceKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What makes an object one object in a cluster: its kind (with the API group), namespace and name. The same object
 * written twice (rendered by two applications, or read from two files) is still one object: it is one duplicate
 * definition (MG0006), never in conflict with itself.
 */
public record ObjectKey(ResourceKind kind, String namespace, String name) {

    public static ObjectKey of(Resource resource) {
        return new ObjectKey(resource.kind(), resource.namespace(), resource.name());
    }

    /** Whether two resources define the same object. */
    public static boolean same(Resource a, Resource b) {
        return a == b || of(a).equals(of(b));
    }

    /** The first definition of each object, in input order: what rules that compare distinct objects look at. */
    public static List<Resource> distinct(Collection<Resource> resources) {
        Set<ObjectKey> seen = new HashSet<>();
        List<Resource> first = new ArrayList<>(resources.size());
        for (Resource resource : resources) {
            if (seen.add(of(resource))) {
                first.add(resource);
            }
        }
        return first;
    }
}
