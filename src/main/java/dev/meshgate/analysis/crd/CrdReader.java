package dev.meshgate.analysis.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.MapMaker;
import dev.meshgate.manifest.JsonPointer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads a CustomResourceDefinition (apiextensions.k8s.io/v1, or v1beta1's single {@code validation} schema) into a
 * {@link CrdDefinition}. The same CRD is read and its rules compiled once per process: the Istio CRDs of a
 * repository, a cluster or a file are the same run after run, and they are large.
 */
final class CrdReader {

    private static final int CACHED = 64;

    /**
     * What a definition is read from: the spec, and the two things of the metadata it keeps (labels that kustomize
     * adds elsewhere in the metadata change nothing, so copies of one chart's CRDs still share a definition).
     */
    private record Key(JsonNode spec, JsonNode name, String istioVersion) {}

    // Equal CRDs asked for at once (one chart's CRDs in several applications, rendered side by side) are parsed by the
    // first asker while the others wait for its outcome.
    private static final Map<Key, CompletableFuture<CrdDefinition>> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<CrdDefinition>> eldest) {
            return size() > CACHED;
        }
    };

    // The analyses of a repository's clusters ask for the same CRD objects again, dozens of times where it has many
    // overlays: known by identity they cost no deep hash of their schema, for as long as the object lives.
    private static final Map<JsonNode, CrdDefinition> BY_IDENTITY =
            new MapMaker().weakKeys().makeMap();

    private CrdReader() {}

    /** The CRD's definition; the exception names what makes the CRD unusable. */
    static CrdDefinition read(JsonNode crd) throws InvalidCrdException {
        CrdDefinition known = BY_IDENTITY.get(crd);
        if (known != null) {
            return known;
        }
        JsonNode spec = crd.path("spec");
        Key key = new Key(
                spec,
                crd.path("metadata").path("name"),
                istioVersion(crd.path("metadata").path("labels")));
        CompletableFuture<CrdDefinition> mine = new CompletableFuture<>();
        CompletableFuture<CrdDefinition> theirs;
        synchronized (CACHE) {
            theirs = CACHE.putIfAbsent(key, mine);
        }
        if (theirs == null) {
            try {
                mine.complete(parse(key));
            } catch (InvalidCrdException | RuntimeException | Error e) {
                // An unusable CRD is not remembered; those waiting for it learn why.
                synchronized (CACHE) {
                    CACHE.remove(key, mine);
                }
                mine.completeExceptionally(e);
                throw e;
            }
        }
        CrdDefinition read = outcome(theirs == null ? mine : theirs);
        BY_IDENTITY.put(crd, read);
        return read;
    }

    private static CrdDefinition outcome(CompletableFuture<CrdDefinition> reading) throws InvalidCrdException {
        try {
            return reading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof InvalidCrdException invalid) {
                throw invalid;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** The definition the key's spec and metadata make, read only from them as the cache holds it by them. */
    private static CrdDefinition parse(Key key) throws InvalidCrdException {
        JsonNode spec = key.spec();
        String group = spec.path("group").asText("");
        String kind = spec.path("names").path("kind").asText("");
        if (group.isEmpty() || kind.isEmpty()) {
            throw new InvalidCrdException("/spec", "a CRD needs spec.group and spec.names.kind");
        }
        JsonNode versions = spec.path("versions");
        SchemaParser parser = new SchemaParser();
        Map<String, CrdDefinition.Version> read = new LinkedHashMap<>();
        JsonNode shared = spec.path("validation").path("openAPIV3Schema");
        SchemaNode sharedSchema = shared.isObject() ? parser.parse(shared, "/spec/validation/openAPIV3Schema") : null;
        if (versions.isArray() && !versions.isEmpty()) {
            for (int i = 0; i < versions.size(); i++) {
                JsonNode version = versions.get(i);
                String name = version.path("name").asText("");
                if (name.isEmpty()) {
                    throw new InvalidCrdException(JsonPointer.of("spec", "versions", i), "a version needs a name");
                }
                JsonNode schema = version.path("schema").path("openAPIV3Schema");
                SchemaNode parsed = schema.isObject()
                        ? parser.parse(schema, JsonPointer.of("spec", "versions", i, "schema", "openAPIV3Schema"))
                        : sharedSchema;
                read.put(
                        name,
                        new CrdDefinition.Version(name, version.path("served").asBoolean(true), parsed));
            }
        } else if (spec.path("version").isTextual()) {
            read.put(
                    spec.path("version").asText(),
                    new CrdDefinition.Version(spec.path("version").asText(), true, sharedSchema));
        } else {
            throw new InvalidCrdException("/spec/versions", "a CRD needs at least one version");
        }
        return new CrdDefinition(
                key.name().asText(kind),
                group,
                kind,
                read,
                key.istioVersion(),
                List.copyOf(new ArrayList<>(parser.ruleProblems())));
    }

    /** The Istio release a CRD comes from, as Istio's charts label it; null when unlabelled. */
    private static String istioVersion(JsonNode labels) {
        String version = labels.path("app.kubernetes.io/version").asText("");
        if (!version.isEmpty() && Character.isDigit(version.charAt(0))) {
            return version;
        }
        String chart = labels.path("helm.sh/chart").asText("");
        int dash = chart.lastIndexOf('-');
        if (dash >= 0 && dash + 1 < chart.length() && Character.isDigit(chart.charAt(dash + 1))) {
            return chart.substring(dash + 1);
        }
        return null;
    }
}
