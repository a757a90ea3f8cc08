package dev.meshgate.runs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Runs a unit of work in one database transaction, and runs it again when it lost a race with another replica (a
 * unique key taken meanwhile, a serialization failure, a deadlock, a lock timeout): the work re-reads what it decides
 * on, so the second time it sees what the other replica did.
 */
final class Transactions {

    private static final int TRIES = 8;
    // unique violation, serialization failure, deadlock (PostgreSQL), lock timeout and deadlock (H2)
    private static final Set<String> RACES = Set.of("23505", "40001", "40P01", "HYT00");

    /** A unit of work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T inTransaction(Work<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.apply(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (!RACES.contains(e.getSQLState())) {
                    throw new StoreException("the run store failed: " + e.getMessage(), e);
                }
                last = e;
            }
        }
        throw new StoreException("the run store kept losing races: " + last.getMessage(), last);
    }

    /** What the store could not do, unchecked: callers log it or answer 503, they cannot repair it. */
    static final class StoreException extends RuntimeException {
        StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
