package dev.meshgate.nativeimage;

import dev.cel.common.internal.WellKnownProto;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * dev.cel reaches protobuf's well-known types by reflection: it loads a message's class by name to get its default
 * instance, and protobuf's field accessors (used for equality and conversion of durations, timestamps, wrappers,
 * structs) find every getter and builder method by name. This test keeps the committed reflect-config.json equal to
 * the well-known types of the dev.cel on the class path; run it with -Dmeshgate.regenerate=true to rewrite the file
 * after an upgrade.
 */
class CelReflectionConfigTest {

    private static final Path CONFIG =
            Path.of("src/main/resources/META-INF/native-image/dev.meshgate/cel/reflect-config.json");

    @Test
    void reflectionConfigListsEveryWellKnownProtoCelUses() throws Exception {
        TreeSet<String> classes = new TreeSet<>();
        for (WellKnownProto proto : WellKnownProto.values()) {
            Class<?> message = proto.messageClass();
            classes.add(message.getName());
            classes.add(message.getName() + "$Builder");
            // A builder the config names must exist, or native-image would silently register nothing.
            Class.forName(message.getName() + "$Builder");
        }
        // The enum of google.protobuf.Value's null, which meshgate hands to CEL for a JSON null.
        classes.add(com.google.protobuf.NullValue.class.getName());
        ReflectionConfigFile.assertLists(CONFIG, classes, List.of("allPublicMethods", "allDeclaredFields"));
    }
}
