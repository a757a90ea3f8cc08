package dev.meshgate.analysis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.meshgate.manifest.Resource;
import java.util.Optional;

/**
 * Typed access to Istio resources through the fabric8 istio-model classes. All served versions of a networking or
 * security kind share one spec class, so rules are written once for v1alpha3, v1beta1 and v1.
 */
public final class IstioModel {

    // Lenient on purpose: structural mistakes are reported by the schema rules, the typed view should still load.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    private IstioModel() {}

    /** The resource's spec as the given fabric8 spec class, empty when it is absent or cannot be read as that type. */
    public static <T> Optional<T> spec(Resource resource, Class<T> specClass) {
        return resource.view(specClass, r -> read(r, specClass));
    }

    private static <T> Optional<T> read(Resource resource, Class<T> specClass) {
        try {
            return Optional.ofNullable(MAPPER.treeToValue(resource.at("/spec"), specClass));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The shared mapper, for code that needs to read other parts of a resource the same way. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
