package dev.meshgate.bench;

import dev.meshgate.render.SelfLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code validate} started as the {@code meshgate} wrapper starts it: on the application's class path, from the static
 * class-data archive dumped from the classes its runs loaded, dumped again after a run that loaded many it lacks.
 */
final class StaticArchive {

    /** How many classes a run must add to the archive's for the wrapper to dump it again. */
    static final int GROWTH = 100;

    private final Path archive;
    private final Path kept;
    private final Path loaded;

    private StaticArchive(Path directory) {
        this.archive = directory.resolve("validate.jsa");
        this.kept = directory.resolve("validate-classes.lst");
        this.loaded = directory.resolve("validate-loaded.lst");
    }

    /**
     * Records the archive in the folder as the wrapper does after the first {@code validate} of a build (a run that
     * lists the classes it loads, then a dump of them); empty when this process was not started from the
     * application's jar, so there is no class path to archive.
     */
    static Optional<StaticArchive> record(Path folder, List<String> arguments, Path directory) throws IOException {
        StaticArchive recorded = new StaticArchive(directory);
        if (ClassPathLaunch.staticArchiveCommand(recorded.kept, recorded.archive)
                .isEmpty()) {
            return Optional.empty();
        }
        MeasuredRun listing =
                MeasuredRun.of(wrapperCommand(List.of("-XX:DumpLoadedClassList=" + recorded.kept), arguments), folder);
        if (listing.exit() > 1) {
            throw new IllegalStateException("validate failed (exit " + listing.exit() + "): " + listing.errors());
        }
        recorded.dump(recorded.kept);
        return Optional.of(recorded);
    }

    /** The command that runs {@code validate} with these arguments from the archive, listing what it loads. */
    List<String> command(List<String> arguments) {
        return wrapperCommand(
                List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-XX:DumpLoadedClassList=" + loaded),
                arguments);
    }

    /**
     * After a run of {@link #command}, what the wrapper does: when the run loaded {@link #GROWTH} classes or more that
     * the archive lacks, the archive is dumped again from all of them. Not part of the run's measurement.
     */
    void grow() throws IOException {
        if (!Files.isRegularFile(loaded)) {
            return;
        }
        Set<String> classes = new LinkedHashSet<>(Files.readAllLines(kept));
        int before = classes.size();
        classes.addAll(Files.readAllLines(loaded));
        Files.delete(loaded);
        if (classes.size() < before + GROWTH) {
            return;
        }
        Path merged = kept.resolveSibling("validate-merged.lst");
        Files.write(merged, classes);
        dump(merged);
        Files.move(merged, kept, StandardCopyOption.REPLACE_EXISTING);
    }

    private void dump(Path classList) throws IOException {
        Path dumped = archive.resolveSibling("validate-dumped.jsa");
        List<String> command =
                ClassPathLaunch.staticArchiveCommand(classList, dumped).orElseThrow();
        MeasuredRun dumping = MeasuredRun.of(command, archive.getParent());
        if (dumping.exit() != 0) {
            throw new IllegalStateException("the class-data archive could not be dumped: " + dumping.errors());
        }
        Files.move(dumped, archive, StandardCopyOption.REPLACE_EXISTING);
    }

    /** validate on the class path with the archive options, then the wrapper's Java options. */
    private static List<String> wrapperCommand(List<String> archiveOptions, List<String> arguments) {
        List<String> options = new ArrayList<>(archiveOptions);
        options.addAll(SelfLauncher.COMMAND_LINE_VM_OPTIONS);
        return ClassPathLaunch.command(options, arguments);
    }
}
