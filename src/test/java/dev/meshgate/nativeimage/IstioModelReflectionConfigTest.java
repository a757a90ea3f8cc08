package dev.meshgate.nativeimage;

import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The native image reads Istio resources with Jackson, which needs reflection on every istio-model class. This test
 * keeps the committed reflect-config.json equal to the classes of the istio-model jar on the class path; run it with
 * -Dmeshgate.regenerate=true to rewrite the file after a model upgrade.
 */
class IstioModelReflectionConfigTest {

    private static final Path CONFIG =
            Path.of("src/main/resources/META-INF/native-image/dev.meshgate/istio-model/reflect-config.json");

    @Test
    void reflectionConfigListsEveryIstioModelClass() throws Exception {
        ReflectionConfigFile.assertLists(
                CONFIG, modelClasses(), List.of("allDeclaredConstructors", "allDeclaredMethods", "allDeclaredFields"));
    }

    private static TreeSet<String> modelClasses() throws Exception {
        Path jar = Path.of(io.fabric8.istio.api.networking.v1.VirtualService.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        TreeSet<String> classes = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith("io/fabric8/istio/api/")
                        && name.endsWith(".class")
                        && !name.contains("Builder")
                        && !name.contains("Fluent")) {
                    classes.add(
                            name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        return classes;
    }
}
