package dev.meshgate.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A patch file a kustomization applies, with the {@code target} selector it gives (null: the patch names its resource
 * itself, as strategic merge patches do).
 */
record PatchFile(Path file, Target target) {

    /** The part of kustomize's patch selector that picks resources by kind, name and namespace (names are regexes). */
    record Target(String kind, String name, String namespace) {

        /** The selector of a {@code patches:} or {@code patchesJson6902:} entry, or null when it has none. */
        static Target of(JsonNode entry) {
            JsonNode target = entry.path("target");
            if (!target.isObject()) {
                return null;
            }
            return new Target(
                    target.path("kind").asText(""),
                    target.path("name").asText(""),
                    target.path("namespace").asText(""));
        }

        /** Whether the selector picks a resource of this kind under one of these names, in this namespace. */
        boolean picks(String resourceKind, String resourceNamespace, String... names) {
            if (!kind.isEmpty() && !kind.equals(resourceKind)) {
                return false;
            }
            if (!namespace.isEmpty() && !matches(namespace, resourceNamespace)) {
                return false;
            }
            if (name.isEmpty()) {
                return true;
            }
            for (String candidate : names) {
                if (matches(name, candidate)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean matches(String regex, String value) {
            try {
                return Pattern.matches(regex, value);
            } catch (PatternSyntaxException e) {
                return regex.equals(value); // kustomize would refuse it; the origin is only a best effort
            }
        }
    }
}
