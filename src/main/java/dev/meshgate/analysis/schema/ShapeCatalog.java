package dev.meshgate.analysis.schema;

import dev.meshgate.manifest.ResourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shapes of the built-in model's types, numbered, and the shape of each apiVersion and kind it serves. Worked out
 * from fabric8's istio-model when meshgate is built (ModelIntrospector, a test) and read here from a resource: the
 * introspection took a fresh process a tenth of a second and loaded the model's classes for every kind it checked.
 */
final class ShapeCatalog {

    /** Where the built-in catalog is on the class path. */
    static final String RESOURCE = "dev/meshgate/analysis/schema/model-shapes.tsv";

    private final List<Shape> shapes;
    private final Map<String, Integer> roots;
    private final Set<ResourceKind> kinds;

    ShapeCatalog(List<Shape> shapes, Map<String, Integer> roots) {
        this.shapes = List.copyOf(shapes);
        this.roots = Map.copyOf(roots);
        this.kinds = roots.keySet().stream().map(ShapeCatalog::kindOf).collect(Collectors.toSet());
    }

    /** The catalog meshgate is built with, read once. */
    static ShapeCatalog builtIn() {
        return BuiltIn.CATALOG;
    }

    /** The shape with this number. */
    Shape shape(int number) {
        return shapes.get(number);
    }

    /** All shapes, by number. */
    List<Shape> shapes() {
        return shapes;
    }

    /** The number of the shape of each resource type, by {@code "apiVersion kind"}. */
    Map<String, Integer> roots() {
        return roots;
    }

    /** The number of the resource shape of an apiVersion and kind, when the model serves it. */
    Optional<Integer> root(String apiVersion, String kind) {
        if (apiVersion == null || kind == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(roots.get(apiVersion + ' ' + kind));
    }

    /** Whether some version of the group serves the kind (so that a missing version is a mistake, not a new kind). */
    boolean knownKind(String group, String kind) {
        return kinds.contains(ResourceKind.named(group, kind));
    }

    private static ResourceKind kindOf(String apiVersionAndKind) {
        int space = apiVersionAndKind.indexOf(' ');
        return ResourceKind.of(apiVersionAndKind.substring(0, space), apiVersionAndKind.substring(space + 1));
    }

    // A holder class, so that the resource is read by the first check that needs it and by no other code path.
    private static final class BuiltIn {

        static final ShapeCatalog CATALOG = read();

        private static ShapeCatalog read() {
            try (InputStream in = ShapeCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in model " + RESOURCE + " is missing from the build");
                }
                return ShapeCatalogText.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the built-in model " + RESOURCE, e);
            }
        }
    }
}
