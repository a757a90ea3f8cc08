package dev.meshgate.analysis.schema;

import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.util.NameTransformer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.model.jackson.JsonUnwrappedDeserializer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Works out the {@link ShapeCatalog} of fabric8's model types with Jackson's own introspection: every type reachable
 * from the resource classes, numbered in the order they are first reached, so that the same model gives the same
 * catalog.
 */
final class ModelIntrospector {

    private static final Shape ANYTHING = new Shape.Anything();

    // A plain mapper on purpose: only the model's annotations should decide what is accepted.
    private final ObjectMapper mapper = new ObjectMapper();
    private final DeserializationConfig config = mapper.getDeserializationConfig();
    private final AnnotationIntrospector annotations = config.getAnnotationIntrospector();
    private final Map<JavaType, Integer> numbers = new HashMap<>();
    private final List<JavaType> types = new ArrayList<>();
    private final Map<Class<?>, Integer> variants = new HashMap<>();

    /** The catalog of the given resource classes, each served at its apiVersion and kind. */
    static ShapeCatalog catalogOf(List<Class<? extends HasMetadata>> resources) {
        ModelIntrospector introspector = new ModelIntrospector();
        Map<String, Integer> roots = new LinkedHashMap<>();
        for (Class<? extends HasMetadata> resource : resources) {
            roots.put(
                    HasMetadata.getApiVersion(resource) + ' ' + HasMetadata.getKind(resource),
                    introspector.number(introspector.mapper.constructType(resource)));
        }
        // Describing a type numbers the types it names, which join the end of the list: this reaches every one.
        List<Shape> shapes = new ArrayList<>();
        while (shapes.size() < introspector.types.size()) {
            shapes.add(introspector.describe(introspector.types.get(shapes.size())));
        }
        return new ShapeCatalog(shapes, roots);
    }

    private int number(JavaType type) {
        Integer known = numbers.get(type);
        if (known != null) {
            return known;
        }
        numbers.put(type, types.size());
        types.add(type);
        return types.size() - 1;
    }

    private Shape describe(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == byte[].class) {
            return new Shape.Scalar(Shape.ScalarKind.STRING); // Jackson reads byte[] from base64 text
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return new Shape.ListOf(number(type.getContentType()));
        }
        if (type.isMapLikeType()) {
            return new Shape.MapOf(
                    number(type.getContentType()), type.getContentType().getRawClass() == String.class);
        }
        Shape.ScalarKind scalar = scalarKind(raw);
        if (scalar != null) {
            return new Shape.Scalar(scalar);
        }
        if (raw.isEnum()) {
            return enumerated(raw);
        }
        if (raw == Object.class
                || JsonNode.class.isAssignableFrom(raw)
                || raw.getName().startsWith("java.")
                || hasCustomDeserializer(raw)) {
            return ANYTHING;
        }
        Map<String, Shape.Member> members = members(type);
        if (members.isEmpty() && config.introspect(type).findAnySetterAccessor() != null) {
            return ANYTHING; // e.g. FieldsV1: a bean that is nothing but its any-setter is a free-form map
        }
        return new Shape.Bean(Map.copyOf(members));
    }

    private static Shape.ScalarKind scalarKind(Class<?> raw) {
        if (raw == String.class || raw == Character.class || raw == char.class) {
            return Shape.ScalarKind.STRING;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return Shape.ScalarKind.BOOLEAN;
        }
        if (raw == Integer.class
                || raw == int.class
                || raw == Short.class
                || raw == short.class
                || raw == Byte.class
                || raw == byte.class) {
            return Shape.ScalarKind.INTEGER;
        }
        if (raw == Long.class || raw == long.class || raw == BigInteger.class) {
            return Shape.ScalarKind.LONG;
        }
        if (raw == Double.class
                || raw == double.class
                || raw == Float.class
                || raw == float.class
                || raw == BigDecimal.class
                || raw == Number.class) {
            return Shape.ScalarKind.NUMBER;
        }
        if (IntOrString.class.isAssignableFrom(raw)) {
            return Shape.ScalarKind.INT_OR_STRING;
        }
        return null;
    }

    // A custom deserializer reads some other JSON than the bean's properties, so the bean tells us nothing.
    private boolean hasCustomDeserializer(Class<?> raw) {
        Object deserializer = annotations.findDeserializer(classInfo(raw));
        return deserializer instanceof Class<?> c
                && c != JsonDeserializer.None.class
                && c != JsonUnwrappedDeserializer.class;
    }

    /** Accepted JSON names of a bean, with every {@code @JsonUnwrapped} property flattened into its parent. */
    private Map<String, Shape.Member> members(JavaType type) {
        Map<String, Shape.Member> members = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : config.introspect(type).findProperties()) {
            if (!property.couldDeserialize()) {
                continue;
            }
            NameTransformer unwrapping = unwrapping(property);
            if (unwrapping != null) {
                addUnwrapped(members, property, unwrapping);
                continue;
            }
            Shape.Member member = new Shape.Member(number(property.getPrimaryType()), null, Shape.Member.NO_VARIANT);
            members.put(property.getName(), member);
            for (PropertyName alias : property.findAliases()) {
                members.putIfAbsent(alias.getSimpleName(), member);
            }
        }
        return members;
    }

    private NameTransformer unwrapping(BeanPropertyDefinition property) {
        for (AnnotatedMember accessor : Arrays.asList(property.getField(), property.getMutator())) {
            NameTransformer transformer = accessor == null ? null : annotations.findUnwrappingNameTransformer(accessor);
            if (transformer != null) {
                return transformer;
            }
        }
        return null;
    }

    /**
     * fabric8 models a protobuf oneof as an unwrapped interface whose implementations are listed in
     * {@code @JsonSubTypes}; like its JsonUnwrappedDeserializer we ask the subtype resolver for them and accept
     * every implementation's properties at this level. A plain unwrapped bean is flattened without oneof rules.
     */
    private void addUnwrapped(
            Map<String, Shape.Member> members, BeanPropertyDefinition property, NameTransformer unwrapping) {
        JavaType type = property.getPrimaryType();
        List<Class<?>> implementations = implementations(type.getRawClass());
        if (implementations.isEmpty()) {
            members(type).forEach((name, m) -> members.putIfAbsent(unwrapping.transform(name), m));
            return;
        }
        Map<Class<?>, Map<String, Shape.Member>> byVariant = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> variant : implementations) {
            Map<String, Shape.Member> variantMembers = members(mapper.constructType(variant));
            byVariant.put(variant, variantMembers);
            variantMembers.keySet().forEach(name -> names.add(unwrapping.transform(name)));
        }
        Shape.OneOf oneOf = new Shape.OneOf(property.getName(), List.copyOf(names));
        byVariant.forEach((variant, variantMembers) -> variantMembers.forEach((name, m) -> members.putIfAbsent(
                unwrapping.transform(name),
                new Shape.Member(m.shape(), oneOf, variants.computeIfAbsent(variant, v -> variants.size())))));
    }

    /** Concrete implementations of an unwrapped type, in the order {@code @JsonSubTypes} lists them (fabric8: by name). */
    private List<Class<?>> implementations(Class<?> base) {
        AnnotatedClass baseInfo = classInfo(base);
        List<Class<?>> declared = new ArrayList<>();
        List<NamedType> listed = annotations.findSubtypes(baseInfo);
        if (listed != null) {
            listed.forEach(named -> declared.add(named.getType()));
        }
        // The resolver returns a hash-ordered collection; the annotation order keeps messages stable across runs.
        return config.getSubtypeResolver().collectAndResolveSubtypesByClass(config, baseInfo).stream()
                .map(NamedType::getType)
                .filter(c -> c != base && !c.isInterface() && !Modifier.isAbstract(c.getModifiers()))
                .sorted(Comparator.<Class<?>>comparingInt(
                                c -> declared.contains(c) ? declared.indexOf(c) : Integer.MAX_VALUE)
                        .thenComparing(Class::getName))
                .collect(Collectors.toList());
    }

    private AnnotatedClass classInfo(Class<?> raw) {
        return config.introspectClassAnnotations(raw).getClassInfo();
    }

    /** Allowed JSON values are what Jackson writes for each constant, so @JsonValue/@JsonProperty are honoured. */
    private Shape enumerated(Class<?> raw) {
        List<Enum<?>> constants = new ArrayList<>();
        for (Object constant : raw.getEnumConstants()) {
            constants.add((Enum<?>) constant);
        }
        // fabric8 declares constants alphabetically; the proto number they carry gives Istio's documented order.
        constants.sort(Comparator.comparingInt(ModelIntrospector::protoNumber));
        List<String> values =
                constants.stream().map(c -> mapper.valueToTree(c).asText()).toList();
        return new Shape.Enumerated(Set.copyOf(values), String.join(", ", values));
    }

    private static int protoNumber(Enum<?> constant) {
        try {
            Field value = constant.getDeclaringClass().getDeclaredField("value");
            if (value.getType() == int.class) {
                value.setAccessible(true);
                return value.getInt(constant);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not a fabric8 proto enum (or not readable): declaration order will do
        }
        return constant.ordinal();
    }
}
