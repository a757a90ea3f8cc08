package dev.meshgate.analysis.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.meshgate.analysis.AnalysisSettings;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Severity;
import dev.meshgate.manifest.FieldPositions;
import dev.meshgate.manifest.JsonPointer;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * meshgate's config file ({@code .meshgate.yaml}): mesh settings, per-code severities and suppressions. Unknown keys
 * and unknown codes are errors with the file's line, so that a typo never silently disables a check.
 */
public final class ConfigFile {

    /** The file name looked up at the root of an analysed folder. */
    public static final String DEFAULT_NAME = ".meshgate.yaml";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The document as written; every key is optional. */
    record Document(
            String clusterDomain,
            String rootNamespace,
            String defaultNamespace,
            List<String> knownHosts,
            Integer regexMatchLimit,
            Boolean wholeMesh,
            Map<String, String> severity,
            List<Suppression> suppress,
            List<String> applications) {}

    /** A config file that cannot be used, with a message naming the file and line. */
    public static final class InvalidConfigException extends Exception {
        public InvalidConfigException(String message) {
            super(message);
        }
    }

    /**
     * What a config file sets.
     *
     * @param applications folders to render as applications when no Argo CD Application or Flux object declares any
     */
    public record Config(AnalysisSettings settings, FindingPolicy policy, List<String> applications) {

        public Config {
            applications = applications == null ? List.of() : List.copyOf(applications);
        }

        public Config(AnalysisSettings settings, FindingPolicy policy) {
            this(settings, policy, List.of());
        }

        public static Config defaults() {
            return new Config(AnalysisSettings.defaults(), FindingPolicy.defaults());
        }
    }

    private ConfigFile() {}

    public static Config read(Path file) throws InvalidConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidConfigException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        ManifestLoader.YamlTree yaml =
                new ManifestLoader(LoadLimits.defaults(), "").readDocument(file.toString(), text);
        if (yaml.problem() != null) {
            throw new InvalidConfigException(
                    yaml.problem().origin() + ": " + yaml.problem().detail());
        }
        if (yaml.tree().isNull()) {
            return Config.defaults();
        }
        Document document;
        try {
            document = MAPPER.treeToValue(yaml.tree(), Document.class);
        } catch (JsonProcessingException e) {
            String pointer = pointer(e instanceof JsonMappingException mapping ? mapping.getPath() : List.of());
            throw new InvalidConfigException(yaml.positions().origin(pointer) + ": "
                    + e.getOriginalMessage()
                            .replaceAll("\\s*\\(class [^)]*\\)", "")
                            .replaceAll("\\s+", " "));
        }
        return toConfig(yaml.positions(), document);
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        String pointer = "";
        for (JsonMappingException.Reference reference : path) {
            pointer = JsonPointer.child(
                    pointer,
                    reference.getFieldName() != null ? reference.getFieldName() : String.valueOf(reference.getIndex()));
        }
        return pointer;
    }

    /** Checks what JSON binding cannot; each error names the file and line of the entry at fault. */
    private static Config toConfig(FieldPositions where, Document document) throws InvalidConfigException {
        AnalysisSettings defaults = AnalysisSettings.defaults();
        AnalysisSettings settings = new AnalysisSettings(
                orElse(document.clusterDomain(), defaults.clusterDomain()),
                orElse(document.rootNamespace(), defaults.rootNamespace()),
                orElse(document.defaultNamespace(), defaults.defaultNamespace()),
                document.knownHosts() == null ? List.of() : List.copyOf(document.knownHosts()),
                document.regexMatchLimit() == null ? defaults.regexMatchLimit() : document.regexMatchLimit(),
                Boolean.TRUE.equals(document.wholeMesh()));
        Map<String, Optional<Severity>> severities = new LinkedHashMap<>();
        if (document.severity() != null) {
            for (Map.Entry<String, String> entry : document.severity().entrySet()) {
                Origin at = where.origin(JsonPointer.child("/severity", entry.getKey()));
                Message message = known(at, entry.getKey());
                severities.put(message.code(), severity(at, entry.getKey(), entry.getValue()));
            }
        }
        List<Suppression> suppressions = document.suppress() == null ? List.of() : List.copyOf(document.suppress());
        for (int i = 0; i < suppressions.size(); i++) {
            Suppression suppression = suppressions.get(i);
            String entry = JsonPointer.child("/suppress", i);
            if (suppression.code() == null || suppression.code().isBlank()) {
                throw new InvalidConfigException(
                        where.origin(entry) + ": every suppress entry needs a code (or \"*\")");
            }
            if (!suppression.code().trim().equals("*")
                    && !suppression.code().trim().equalsIgnoreCase("IST0106")) {
                known(where.origin(JsonPointer.child(entry, "code")), suppression.code());
            }
        }
        return new Config(settings, new FindingPolicy(Map.copyOf(severities), suppressions), document.applications());
    }

    private static Message known(Origin at, String code) throws InvalidConfigException {
        return Message.byCode(code)
                .orElseThrow(() -> new InvalidConfigException(
                        at + ": unknown code '" + code + "' (validate --list-codes prints the catalog)"));
    }

    private static Optional<Severity> severity(Origin at, String code, String value) throws InvalidConfigException {
        if (value == null || value.equalsIgnoreCase("off") || value.equalsIgnoreCase("false")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Severity.parse(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(at + ": severity of " + code + ": " + e.getMessage() + " or off");
        }
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
