package dev.meshgate.analysis.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds unknown fields, wrong JSON types and bad enum values in an Istio resource, using the fabric8 model. */
public final class StructureValidator {

    // Shared so that every validator instance profits from the per-class introspection already done.
    private static final ModelIntrospector INTROSPECTOR = new ModelIntrospector();

    /**
     * Checks a whole resource (apiVersion, kind, metadata, spec; status is skipped) against a fabric8 top-level
     * class such as {@code io.fabric8.istio.api.networking.v1.VirtualService}.
     *
     * @return the violations in document order; empty when the structure is fine
     */
    public List<StructureViolation> validate(JsonNode resource, Class<?> modelClass) {
        if (!(INTROSPECTOR.shapeOf(modelClass) instanceof Shape.Bean shape)) {
            throw new IllegalArgumentException(modelClass.getName() + " is not a resource model class");
        }
        List<StructureViolation> violations = new ArrayList<>();
        new TreeWalker(INTROSPECTOR, violations).walkResource(resource, shape);
        return violations;
    }

    /** The fabric8 class for an Istio apiVersion and kind, e.g. networking.istio.io/v1beta1 + Gateway. */
    public static Optional<Class<?>> modelClassFor(String apiVersion, String kind) {
        return IstioModelClasses.lookup(apiVersion, kind);
    }

    /** Whether some version of the group serves the kind, so that a missing class means an unserved apiVersion. */
    public static boolean knownKind(String group, String kind) {
        return IstioModelClasses.knownKind(group, kind);
    }

    /** How reports name the built-in model: the fabric8 model with {@code ModelGaps}, brought to this Istio release. */
    public static String describeBuiltInModel() {
        return "meshgate's built-in model of Istio 1.30";
    }
}
