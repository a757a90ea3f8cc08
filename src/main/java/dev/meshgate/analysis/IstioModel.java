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

    // Rules judging one resource run back to back (see Context.onEach), so remembering the last few typed specs is
    // enough to convert each spec once; keeping them on every resource made them outlive the analysis step and
    // cost the garbage collector more than the conversions.
    private static final ThreadLocal<RecentSpecs> RECENT = ThreadLocal.withInitial(RecentSpecs::new);

    private IstioModel() {}

    /** The typed specs of the last few resources asked for on this thread. */
    private static final class RecentSpecs {
        private static final int SIZE = 4;
        private final Resource[] resources = new Resource[SIZE];
        private final Class<?>[] classes = new Class<?>[SIZE];
        private final Optional<?>[] specs = new Optional<?>[SIZE];
        private int next;

        @SuppressWarnings("unchecked")
        <T> Optional<T> spec(Resource resource, Class<T> specClass) {
            for (int i = 0; i < SIZE; i++) {
                if (resources[i] == resource && classes[i] == specClass) {
                    return (Optional<T>) specs[i];
                }
            }
            Optional<T> spec = read(resource, specClass);
            resources[next] = resource;
            classes[next] = specClass;
            specs[next] = spec;
            next = (next + 1) % SIZE;
            return spec;
        }
    }

    /** The resource's spec as the given fabric8 spec class, empty when it is absent or cannot be read as that type. */
    public static <T> Optional<T> spec(Resource resource, Class<T> specClass) {
        return RECENT.get().spec(resource, specClass);
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
