package dev.meshgate.bench;

import dev.meshgate.render.SelfLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How the {@code meshgate} wrapper starts {@code validate}: on the plain class path of the packaged application (its
 * jar, then the libraries, in name order) rather than through Quarkus' launcher jar. A process that was not started
 * from that jar (a class path, a native executable) is started the way {@link SelfLauncher} starts it.
 */
final class ClassPathLaunch {

    private static final String MAIN_CLASS = "dev.meshgate.Main";

    private ClassPathLaunch() {}

    static List<String> command(List<String> vmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>(SelfLauncher.command(vmOptions, arguments));
        int jar = command.indexOf("-jar");
        if (jar < 0) {
            return command;
        }
        Path application = Path.of(command.get(jar + 1)).getParent();
        command.subList(jar, jar + 2).clear();
        command.addAll(jar, List.of("-cp", classPath(application), MAIN_CLASS));
        return command;
    }

    /**
     * The command that turns a list of the classes a run loaded ({@code -XX:DumpLoadedClassList}) into a static
     * class-data archive for this class path, as the wrapper does after the first {@code validate} of a build; empty
     * when the process was not started from the application's jar.
     */
    static java.util.Optional<List<String>> staticArchiveCommand(Path classList, Path archive) {
        List<String> launch = command(List.of(), List.of());
        int classPath = launch.indexOf("-cp");
        if (classPath < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(List.of(
                launch.get(0),
                "-Xshare:dump",
                "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive,
                "-Xlog:cds=off",
                "-cp",
                launch.get(classPath + 1)));
    }

    /** The jars of the fast-jar layout: {@code app/*.jar}, then {@code lib/main/*.jar}, each in name order. */
    static String classPath(Path application) {
        return Stream.of(application.resolve("app"), application.resolve("lib/main"))
                .flatMap(ClassPathLaunch::jars)
                .map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static Stream<Path> jars(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the application's jars in " + folder, e);
        }
    }
}
