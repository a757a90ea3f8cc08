package dev.meshgate.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Run records on disk, one JSON file per run under {@code runs/}, so that they outlive a restart; all of them are
 * also held in memory for look-ups. Writes go to a temporary file first, so a crash never leaves half a record.
 */
public final class RunStore {

    private static final Logger LOG = Logger.getLogger(RunStore.class);

    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final Path directory;
    private final long minFreeBytes;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    /** Opens the store, reading every record already there; a record that cannot be read is set aside and logged. */
    public RunStore(Path directory) {
        this(directory, 0);
    }

    /** As {@link #RunStore(Path)}, refusing new runs while the disk has less than {@code minFreeBytes} left. */
    public RunStore(Path directory, long minFreeBytes) {
        this.directory = directory;
        this.minFreeBytes = minFreeBytes;
        try {
            Files.createDirectories(directory);
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(file -> file.getFileName().toString().endsWith(".json"))
                        .forEach(this::read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the run records in " + directory, e);
        }
    }

    private void read(Path file) {
        try {
            Run run = JSON.readValue(file.toFile(), Run.class);
            runs.put(run.id(), run);
        } catch (IOException e) {
            LOG.warnf("run record %s cannot be read (%s); it is left out", file, e.getMessage());
        }
    }

    /** Whether a new run's record fits: the disk holding the store has the free space it must keep. */
    boolean hasRoom() {
        try {
            return Files.getFileStore(directory).getUsableSpace() >= minFreeBytes;
        } catch (IOException e) {
            return false;
        }
    }

    public Optional<Run> get(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** Runs that match, newest first. */
    public List<Run> find(Predicate<Run> filter) {
        return runs.values().stream()
                .filter(filter)
                .sorted(Comparator.comparing(Run::acceptedAt).reversed())
                .toList();
    }

    synchronized void save(Run run) {
        write(run);
        runs.put(run.id(), run);
    }

    /** Changes a run atomically with respect to other changes; returns the run as it is afterwards. */
    synchronized Run update(String id, UnaryOperator<Run> change) {
        Run before = runs.get(id);
        Run after = change.apply(before);
        if (after != before) {
            save(after);
        }
        return after;
    }

    /**
     * Deletes the oldest finished runs beyond the number of finished runs to keep; unfinished runs always stay and
     * do not count, so a burst of queued runs never pushes out the verdicts just reached.
     */
    synchronized int prune(int keep) {
        List<Run> finished = find(run -> run.state().isFinal());
        int over = finished.size() - keep;
        int deleted = 0;
        for (int i = finished.size() - 1; i >= 0 && deleted < over; i--) {
            Run oldest = finished.get(i);
            try {
                Files.deleteIfExists(directory.resolve(oldest.id() + ".json"));
            } catch (IOException e) {
                LOG.warnf("old run record %s cannot be deleted: %s", oldest.id(), e.getMessage());
                continue;
            }
            runs.remove(oldest.id());
            deleted++;
        }
        return deleted;
    }

    private void write(Run run) {
        Path target = directory.resolve(run.id() + ".json");
        Path temporary = directory.resolve(run.id() + ".json.tmp");
        try {
            JSON.writeValue(temporary.toFile(), run);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run record " + target, e);
        }
    }
}
