package dev.meshgate.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jboss.logging.Logger;

/**
 * The zero-configuration store: an H2 database file in the data folder, in PostgreSQL mode so that the schema and the
 * queries are the shared store's. Only this process can open it (H2 locks the file). Run records that versions before
 * the database wrote as JSON files in the same folder are taken in once and moved to {@code imported/}.
 *
 * <p>H2 writes commits to its file half a second late by default, so a process killed in that window restarts with a
 * store that forgot them: a verdict already posted would be posted again as pending. {@code WRITE_DELAY=0} writes
 * every commit before the statement returns; a killed process loses nothing, a machine that loses power may lose what
 * the operating system had not yet flushed (the shared PostgreSQL store is the answer to that).
 *
 * <p>{@code DB_CLOSE_ON_EXIT=FALSE}: H2 would otherwise close the database from a shutdown hook of its own, racing
 * the service's, which still needs the store to give this replica's claimed runs back; the pool closes it instead.
 */
final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final String OPTIONS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    private static final int CONNECTIONS = 16;

    private EmbeddedDatabase() {}

    static RunStore open(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run store folder " + directory, e);
        }
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("meshgate") + OPTIONS;
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "meshgate", "");
        pool.setMaxConnections(CONNECTIONS);
        RunStore store = new RunStore(pool, pool::dispose, true);
        importRecords(store, directory);
        return store;
    }

    /** Takes in the JSON records of the file store that came before; a record that cannot be read stays where it is. */
    private static void importRecords(RunStore store, Path directory) {
        List<Path> records;
        try (Stream<Path> files = Files.list(directory)) {
            records = files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        if (records.isEmpty()) {
            return;
        }
        Path imported = directory.resolve("imported");
        int taken = 0;
        for (Path file : records) {
            try {
                Run run = RunRecordJson.mapper().readValue(file.toFile(), Run.class);
                if (store.get(run.id()).isEmpty()) {
                    store.save(run);
                }
                Files.createDirectories(imported);
                Files.move(file, imported.resolve(file.getFileName()));
                taken++;
            } catch (IOException | RuntimeException e) {
                LOG.warnf("run record %s cannot be taken into the store (%s); it is left out", file, e.getMessage());
            }
        }
        LOG.infof(
                "took %d run records of the earlier file store into the database; the files are in %s",
                taken, imported);
    }
}
