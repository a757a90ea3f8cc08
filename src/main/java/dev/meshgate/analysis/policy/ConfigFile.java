package dev.meshgate.analysis.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshgate.analysis.AnalysisSettings;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Severity;
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

    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The document as written; every key is optional. */
    record Document(String clusterDomain, String rootNamespace, String defaultNamespace, List<String> knownHosts,
            Integer regexMatchLimit, Map<String, String> severity, List<Suppression> suppress) {
    }

    /** A config file that cannot be used, with a message naming the file and line. */
    public static final class InvalidConfigException extends Exception {
        public InvalidConfigException(String message) {
            super(message);
        }
    }

    /** What a config file sets. */
    public record Config(AnalysisSettings settings, FindingPolicy policy) {

        public static Config defaults() {
            return new Config(AnalysisSettings.defaults(), FindingPolicy.defaults());
        }
    }

    private ConfigFile() {
    }

    public static Config read(Path file) throws InvalidConfigException {
        Document document;
        try {
            document = Files.size(file) == 0 ? null : YAML.readValue(file.toFile(), Document.class);
        } catch (JsonMappingException e) {
            throw new InvalidConfigException(file + where(e.getLocation()) + ": " + e.getOriginalMessage()
                    .replaceAll("\\s*\\(class [^)]*\\)", "").replaceAll("\\s+", " "));
        } catch (IOException e) {
            throw new InvalidConfigException(file + ": " + e.getMessage());
        }
        return document == null ? Config.defaults() : toConfig(file, document);
    }

    private static Config toConfig(Path file, Document document) throws InvalidConfigException {
        AnalysisSettings defaults = AnalysisSettings.defaults();
        AnalysisSettings settings = new AnalysisSettings(
                orElse(document.clusterDomain(), defaults.clusterDomain()),
                orElse(document.rootNamespace(), defaults.rootNamespace()),
                orElse(document.defaultNamespace(), defaults.defaultNamespace()),
                document.knownHosts() == null ? List.of() : List.copyOf(document.knownHosts()),
                document.regexMatchLimit() == null ? defaults.regexMatchLimit() : document.regexMatchLimit());
        Map<String, Optional<Severity>> severities = new LinkedHashMap<>();
        if (document.severity() != null) {
            for (Map.Entry<String, String> entry : document.severity().entrySet()) {
                Message message = known(file, entry.getKey());
                severities.put(message.code(), severity(file, entry.getKey(), entry.getValue()));
            }
        }
        List<Suppression> suppressions = document.suppress() == null ? List.of() : List.copyOf(document.suppress());
        for (Suppression suppression : suppressions) {
            if (suppression.code() == null || suppression.code().isBlank()) {
                throw new InvalidConfigException(file + ": every suppress entry needs a code (or \"*\")");
            }
            if (!suppression.code().trim().equals("*") && !suppression.code().trim().equalsIgnoreCase("IST0106")) {
                known(file, suppression.code());
            }
        }
        return new Config(settings, new FindingPolicy(Map.copyOf(severities), suppressions));
    }

    private static Message known(Path file, String code) throws InvalidConfigException {
        return Message.byCode(code).orElseThrow(() -> new InvalidConfigException(
                file + ": unknown code '" + code + "' (validate --list-codes prints the catalog)"));
    }

    private static Optional<Severity> severity(Path file, String code, String value) throws InvalidConfigException {
        if (value == null || value.equalsIgnoreCase("off") || value.equalsIgnoreCase("false")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Severity.parse(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(file + ": severity of " + code + ": " + e.getMessage() + " or off");
        }
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : ":" + location.getLineNr();
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
