package dev.meshgate.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
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
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private volatile StoreLatency latency = StoreLatency.NONE;

    /** Opens the store, reading every record already there; a record that cannot be read is set aside and logged. */
    public RunStore(Path directory) {
        this.directory = directory;
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

    /** Tells the observer how long each read and write takes. */
    public void timedBy(StoreLatency observer) {
        this.latency = observer;
    }

    public Optional<Run> get(String id) {
        long start = System.nanoTime();
        Optional<Run> run = Optional.ofNullable(runs.get(id));
        observe("read", start);
        return run;
    }

    /** Runs that match, newest first. */
    public List<Run> find(Predicate<Run> filter) {
        long start = System.nanoTime();
        List<Run> found = runs.values().stream()
                .filter(filter)
                .sorted(Comparator.comparing(Run::acceptedAt).reversed())
                .toList();
        observe("read", start);
        return found;
    }

    /** The queued runs' number and the oldest's age, for the queue's gauges (a database answers with one query). */
    public Backlog backlog() {
        int queued = 0;
        Instant oldest = null;
        for (Run run : runs.values()) {
            if (run.state() == RunState.QUEUED) {
                queued++;
                oldest = oldest == null || run.acceptedAt().isBefore(oldest) ? run.acceptedAt() : oldest;
            }
        }
        return new Backlog(queued, Optional.ofNullable(oldest));
    }

    /**
     * Reads from where the records are kept, for the readiness check: throws when the store cannot be read (a database
     * runs a query here).
     */
    public void check() throws IOException {
        long start = System.nanoTime();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
            files.iterator().hasNext();
        }
        observe("read", start);
    }

    private void observe(String operation, long startNanos) {
        latency.observed(operation, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    synchronized void save(Run run) {
        long start = System.nanoTime();
        write(run);
        runs.put(run.id(), run);
        observe("write", start);
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

    /** Deletes the oldest finished runs beyond the number to keep; unfinished runs always stay. */
    synchronized int prune(int keep) {
        long start = System.nanoTime();
        List<Run> finished = find(run -> run.state().isFinal());
        int over = runs.size() - keep;
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
        observe("prune", start);
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
