package dev.meshgate.runs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the run store's schema to the newest migration of {@code db/migration}. Loading Flyway and letting it check a
 * schema that is already current costs about half a second of CPU in a fresh process, most of what a restarted service
 * spends on its way to readiness after Quarkus' own start; so when Flyway's history already records the newest
 * migration as applied and no migration as failed, Flyway is not loaded at all. Anything else (no history yet, an older
 * version, a failed migration) is Flyway's to migrate or refuse.
 */
final class SchemaMigration {

    /** The version of the newest file in {@code db/migration}; {@code SchemaMigrationTest} fails when they differ. */
    static final String NEWEST_VERSION = "1";

    private static final String HISTORY = "SELECT SUM(CASE WHEN version = ? AND success THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN success THEN 0 ELSE 1 END) FROM flyway_schema_history";

    private SchemaMigration() {}

    static void migrate(DataSource dataSource) {
        if (current(dataSource)) {
            return;
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** Whether Flyway's history holds the newest migration, applied, and no failed one; false when there is none. */
    static boolean current(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement(HISTORY)) {
                statement.setString(1, NEWEST_VERSION);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() && rows.getLong(1) == 1 && rows.getLong(2) == 0;
                }
            }
        } catch (SQLException e) {
            // No history table yet (a new database) or one this query cannot read: Flyway knows what to do with both.
            return false;
        }
    }
}
