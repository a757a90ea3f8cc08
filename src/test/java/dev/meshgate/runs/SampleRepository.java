package dev.meshgate.runs;

import dev.meshgate.testing.GitCommandLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Git repositories holding one of the samples of {@code config-samples/}, as a team's config repository would. */
public final class SampleRepository {

    private SampleRepository() {}

    /** A new repository in the folder whose one commit on main holds the sample's manifests. */
    public static Path create(Path directory, String sample) throws IOException {
        Files.createDirectories(directory);
        copyManifests(sample, directory);
        GitCommandLine git = new GitCommandLine(directory);
        git.run("init", "-q", "-b", "main");
        git.run("add", "-A");
        git.run("commit", "-q", "-m", sample);
        return directory;
    }

    /** Copies the sample's YAML files, in its sub-folders too, into the folder. */
    public static void copyManifests(String sample, Path into) throws IOException {
        Path from = Path.of("config-samples").resolve(sample);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Path target = into.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
