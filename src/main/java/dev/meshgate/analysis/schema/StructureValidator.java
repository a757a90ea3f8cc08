package dev.meshgate.analysis.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds unknown fields, wrong JSON types and bad enum values in an Istio resource, using the built-in model. */
public final class StructureValidator {

    /**
     * Checks a whole resource (apiVersion, kind, metadata, spec; status is skipped) against the model of its kind.
     *
     * @return the violations in document order; empty when the structure is fine
     */
    public List<StructureViolation> validate(JsonNode resource, ModelKind kind) {
        ShapeCatalog catalog = ShapeCatalog.builtIn();
        List<StructureViolation> violations = new ArrayList<>();
        new TreeWalker(catalog, violations).walkResource(resource, (Shape.Bean) catalog.shape(kind.root()));
        return violations;
    }

    /** The built-in model of an Istio apiVersion and kind, e.g. networking.istio.io/v1beta1 + Gateway. */
    public static Optional<ModelKind> modelFor(String apiVersion, String kind) {
        return ShapeCatalog.builtIn().root(apiVersion, kind).map(root -> new ModelKind(apiVersion, kind, root));
    }

    /** Whether some version of the group serves the kind, so that a missing model means an unserved apiVersion. */
    public static boolean knownKind(String group, String kind) {
        return ShapeCatalog.builtIn().knownKind(group, kind);
    }

    /** How reports name the built-in model: the fabric8 model with {@code ModelGaps}, brought to this Istio release. */
    public static String describeBuiltInModel() {
        return "meshgate's built-in model of Istio 1.30";
    }
}
