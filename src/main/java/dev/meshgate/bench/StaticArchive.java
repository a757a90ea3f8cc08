package dev.meshgate.bench;

import dev.meshgate.render.SelfLauncher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code validate} started as the {@code meshgate} wrapper starts it: on the application's class path, from the static
 * class-data archive that a first run's list of loaded classes was dumped into.
 */
final class StaticArchive {

    private final Path archive;

    private StaticArchive(Path archive) {
        this.archive = archive;
    }

    /**
     * Records the archive in the folder as the wrapper does after the first {@code validate} of a build (a run that
     * lists the classes it loads, then a dump of them); empty when this process was not started from the
     * application's jar, so there is no class path to archive.
     */
    static Optional<StaticArchive> record(Path folder, List<String> arguments, Path directory) throws IOException {
        Path classList = directory.resolve("validate-classes.lst");
        Path archive = directory.resolve("validate.jsa");
        Optional<List<String>> dump = ClassPathLaunch.staticArchiveCommand(classList, archive);
        if (dump.isEmpty()) {
            return Optional.empty();
        }
        MeasuredRun listing = MeasuredRun.of(wrapperCommand("-XX:DumpLoadedClassList=" + classList, arguments), folder);
        if (listing.exit() > 1) {
            throw new IllegalStateException("validate failed (exit " + listing.exit() + "): " + listing.errors());
        }
        MeasuredRun dumping = MeasuredRun.of(dump.get(), folder);
        if (dumping.exit() != 0) {
            throw new IllegalStateException("the class-data archive could not be dumped: " + dumping.errors());
        }
        return Optional.of(new StaticArchive(archive));
    }

    /** The command that runs {@code validate} with these arguments from the archive, with the wrapper's options. */
    List<String> command(List<String> arguments) {
        return wrapperCommand("-XX:SharedArchiveFile=" + archive, arguments);
    }

    /** validate on the class path with the archive option, then the wrapper's Java options. */
    private static List<String> wrapperCommand(String archiveOption, List<String> arguments) {
        List<String> options = new ArrayList<>(List.of(archiveOption, "-Xlog:cds=off"));
        options.addAll(SelfLauncher.COMMAND_LINE_VM_OPTIONS);
        return ClassPathLaunch.command(options, arguments);
    }
}
