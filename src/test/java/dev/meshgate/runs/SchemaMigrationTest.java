package dev.meshgate.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway is skipped only when its history says the newest migration is applied and none failed. */
class SchemaMigrationTest {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

    @TempDir
    Path temp;

    private JdbcConnectionPool database;

    @BeforeEach
    void open() {
        database = JdbcConnectionPool.create(
                "jdbc:h2:file:" + temp.resolve("store") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "test", "");
    }

    @AfterEach
    void close() {
        database.dispose();
    }

    @Test
    void theNewestVersionIsTheNewestMigrationFile() throws Exception {
        int newest;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            newest = files.map(file -> VERSIONED.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(match -> Integer.parseInt(match.group(1)))
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
        }

        assertThat(SchemaMigration.NEWEST_VERSION).isEqualTo(String.valueOf(newest));
    }

    @Test
    void aNewDatabaseIsMigratedAndThenCurrent() throws Exception {
        assertThat(SchemaMigration.current(database)).isFalse();

        SchemaMigration.migrate(database);

        assertThat(SchemaMigration.current(database)).isTrue();
        assertThat(count("SELECT COUNT(*) FROM runs")).isZero();
    }

    @Test
    void aCurrentSchemaIsLeftAsItIs() throws Exception {
        SchemaMigration.migrate(database);
        execute("INSERT INTO replicas (id, lease_until) VALUES ('kept', 0)");
        long history = count("SELECT COUNT(*) FROM flyway_schema_history");

        SchemaMigration.migrate(database);

        assertThat(count("SELECT COUNT(*) FROM replicas WHERE id = 'kept'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo(history);
    }

    @Test
    void aFailedMigrationInTheHistoryIsFlywaysToRefuse() throws Exception {
        SchemaMigration.migrate(database);
        // As a process killed in the middle of the migration leaves it.
        execute("UPDATE flyway_schema_history SET success = FALSE WHERE version = '" + SchemaMigration.NEWEST_VERSION
                + "'");

        assertThat(SchemaMigration.current(database)).isFalse();
        assertThatThrownBy(() -> SchemaMigration.migrate(database)).hasMessageContaining("failed");
    }

    private long count(String query) throws Exception {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String update) throws Exception {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(update);
        }
    }
}
