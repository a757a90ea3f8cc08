package dev.meshgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests: Debian's PostgreSQL 15 binaries, a cluster made by {@code initdb} in a folder of
 * the test's, on a free loopback port, its unix socket in that folder too. As root (CI, this machine) the server runs as
 * the {@code postgres} user, since PostgreSQL refuses to run as root.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    public static final String USER = "meshgate";

    private final Path data;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /** Whether the binaries are installed ({@code .ci/run} installs them when missing). */
    public static boolean installed() {
        return Files.isExecutable(BIN.resolve("initdb"));
    }

    public static PostgresServer start(Path folder) {
        try {
            Path home = Files.createDirectories(folder.resolve("postgres"));
            Path data = home.resolve("data");
            Path socket = Files.createDirectories(home.resolve("socket"));
            if (root()) {
                run(List.of("chown", "-R", "postgres:postgres", home.toString()));
                run(List.of("chmod", "755", folder.toString()));
            }
            run(asServerUser(List.of(
                    BIN.resolve("initdb").toString(),
                    "-D",
                    data.toString(),
                    "-U",
                    USER,
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--no-sync")));
            int port = freePort();
            run(asServerUser(List.of(
                    BIN.resolve("pg_ctl").toString(),
                    "-D",
                    data.toString(),
                    "-l",
                    home.resolve("server.log").toString(),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    "-p " + port + " -k " + socket + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off",
                    "start")));
            return new PostgresServer(data, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    /** A new empty database on the server; its JDBC URL. */
    public String newDatabase() {
        String name = "store_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    /**
     * A login role that must give its password over TCP (the rest of the server trusts loopback), owning the database
     * of the URL.
     */
    public void passwordRole(String jdbcUrl, String role, String password) {
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        try {
            Path hba = data.resolve("pg_hba.conf");
            Files.writeString(hba, "host all " + role + " 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot edit pg_hba.conf", e);
        }
        execute(
                "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'",
                "ALTER DATABASE " + database + " OWNER TO " + role,
                "SELECT pg_reload_conf()");
    }

    /** Runs statements as the superuser, on the server's first database. */
    public void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + String.join("; ", statements) + ": " + e.getMessage(), e);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        run(asServerUser(
                List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop")));
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asServerUser(List<String> command) {
        if (!root()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
