package dev.meshgate.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;

/** A committed reflect-config.json that must list exactly some classes; -Dmeshgate.regenerate=true rewrites it. */
final class ReflectionConfigFile {

    private ReflectionConfigFile() {}

    /** Asserts that the file registers the classes with the flags (each set true), or writes it when asked to. */
    static void assertLists(Path config, SortedSet<String> classes, List<String> flags) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode entries = mapper.createArrayNode();
        for (String name : classes) {
            ObjectNode entry = entries.addObject();
            entry.put("name", name);
            flags.forEach(flag -> entry.put(flag, true));
        }
        String expected = mapper.writeValueAsString(entries) + "\n";
        if (Boolean.getBoolean("meshgate.regenerate")) {
            Files.createDirectories(config.getParent());
            Files.writeString(config, expected);
        }
        assertThat(Files.readString(config))
                .as("%s is up to date (regenerate with -Dmeshgate.regenerate=true)", config)
                .isEqualTo(expected);
    }
}
