package dev.meshgate.runs;

import dev.meshgate.testing.PostgresServer;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a real PostgreSQL server, a new database for each test. */
class SharedRunStoreTest extends RunStoreContract {

    @TempDir
    static Path temp;

    private static PostgresServer server;
    private String jdbcUrl;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start(temp);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void newDatabase() {
        jdbcUrl = server.newDatabase();
    }

    @Override
    RunStore openStore() {
        return SharedDatabase.open(new SharedDatabase.Settings(
                jdbcUrl, Optional.of(PostgresServer.USER), Optional.empty(), Optional.empty()));
    }
}
