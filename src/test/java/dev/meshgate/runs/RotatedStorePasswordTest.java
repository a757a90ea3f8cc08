package dev.meshgate.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password rotated in the mounted Secret while the server drops the old sessions: the store reconnects with the new
 * password without a restart.
 */
class RotatedStorePasswordTest {

    @TempDir
    Path temp;

    @Test
    void aRotatedPasswordFileIsReadForTheConnectionsOpenedAfterTheRotation() throws Exception {
        Assumptions.assumeTrue(PostgresServer.installed(), "PostgreSQL 15 is not installed");
        try (PostgresServer server = PostgresServer.start(temp)) {
            String jdbcUrl = server.newDatabase();
            server.passwordRole(jdbcUrl, "rotating", "first-password");
            Path secret = Files.writeString(temp.resolve("password"), "first-password\n");
            try (RunStore store = SharedDatabase.open(new SharedDatabase.Settings(
                    jdbcUrl, Optional.of("rotating"), Optional.empty(), Optional.of(secret)))) {
                Run run = Run.accepted(
                        "rotated-run",
                        RunStoreContract.push("main", RunStoreContract.sha(4)),
                        null,
                        RunStoreContract.T0);
                store.save(run);

                server.execute(
                        "ALTER ROLE rotating PASSWORD 'second-password'",
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'rotating'");
                Files.writeString(secret, "second-password\n");

                assertThat(store.get("rotated-run")).contains(run);
            }
        }
    }
}
