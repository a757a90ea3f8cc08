package dev.meshgate.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.meshgate.forge.CommitStatus;
import dev.meshgate.revision.Revision;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * The run store: runs with their findings, the deliveries that asked for them, the durable status outbox and the
 * leases of the replicas working on them, in one database (embedded H2 under the data folder, or a PostgreSQL that
 * several replicas share). Every decision that replicas could race on is one transaction, and unique keys (delivery,
 * repository + commit) make the loser see the winner's result.
 */
public final class RunStore implements AutoCloseable {

    private static final String RECORD = "SELECT record FROM runs ";
    private static final String UNFINISHED = "('QUEUED', 'RUNNING')";
    private static final String LEASE_LAPSED =
            "NOT EXISTS (SELECT 1 FROM replicas p WHERE p.id = %s AND p.lease_until >= ?)";

    private final Transactions db;
    private final AutoCloseable connections;
    private final boolean singleProcess;
    private volatile StoreLatency latency = StoreLatency.NONE;

    /**
     * @param singleProcess whether only this process can open the database (the embedded file is locked by it): then
     *     work left by earlier processes is taken over at once instead of after their leases run out
     */
    RunStore(DataSource dataSource, AutoCloseable connections, boolean singleProcess) {
        SchemaMigration.migrate(dataSource);
        this.db = new Transactions(dataSource);
        this.connections = connections;
        this.singleProcess = singleProcess;
    }

    /** The zero-configuration store: an H2 database in the folder, which also takes in run records of older versions. */
    public static RunStore embedded(java.nio.file.Path directory) {
        return EmbeddedDatabase.open(directory);
    }

    /** A store on a database that several replicas share. */
    public static RunStore shared(DataSource dataSource, AutoCloseable connections) {
        return new RunStore(dataSource, connections, false);
    }

    /** Tells the observer how long each read, write and prune takes. */
    public void timedBy(StoreLatency observer) {
        this.latency = observer;
    }

    /** The queued runs' number and the oldest's acceptance, for the queue's gauges, in one query. */
    public Backlog backlog() {
        return timed("read", c -> {
            try (PreparedStatement statement =
                            prepare(c, "SELECT COUNT(*), MIN(accepted_at) FROM runs WHERE state = 'QUEUED'");
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                int queued = rows.getInt(1);
                long oldest = rows.getLong(2);
                boolean none = rows.wasNull();
                return new Backlog(queued, none ? Optional.empty() : Optional.of(Instant.ofEpochMilli(oldest)));
            }
        });
    }

    /** Runs a trivial query, for the readiness check: throws when the database cannot be reached. */
    public void check() {
        timed("read", c -> number(c, "SELECT COUNT(*) FROM replicas WHERE 1 = 0"));
    }

    private <T> T timed(String operation, Transactions.Work<T> work) {
        long start = System.nanoTime();
        try {
            return db.inTransaction(work);
        } finally {
            latency.observed(operation, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    boolean singleProcess() {
        return singleProcess;
    }

    public Optional<Run> get(String id) {
        return timed("read", c -> first(c, RECORD + "WHERE id = ?", id));
    }

    /** Runs that match, newest first. */
    public List<Run> find(Predicate<Run> filter) {
        return timed("read", c -> all(c, RECORD + "ORDER BY accepted_at DESC, id")).stream()
                .filter(filter)
                .toList();
    }

    /** Runs of commits whose id starts with the prefix (as validated or as the forge named it), newest first. */
    public List<Run> ofCommit(String shaPrefix) {
        String pattern = shaPrefix.replace("%", "").replace("_", "") + "%";
        return timed(
                "read",
                c -> all(
                        c,
                        RECORD + "WHERE sha LIKE ? OR named_sha LIKE ? ORDER BY accepted_at DESC, id",
                        pattern,
                        pattern));
    }

    /** Writes the run as it is, new or changed. */
    void save(Run run) {
        timed("write", c -> {
            if (first(c, RECORD + "WHERE id = ?", run.id()).isPresent()) {
                write(c, run, null);
            } else {
                insert(c, run);
            }
            return null;
        });
    }

    /** Writes a running run as held by a replica (tests stand in for another replica's work with it). */
    void saveHeldBy(Run run, String replica) {
        save(run);
        timed("write", c -> execute(c, "UPDATE runs SET owner = ? WHERE id = ?", replica, run.id()));
    }

    /** Changes a run atomically with respect to other changes, on any replica; returns the run as it is afterwards. */
    Run update(String id, UnaryOperator<Run> change) {
        return timed("write", c -> {
            Run before = first(c, RECORD + "WHERE id = ? FOR UPDATE", id).orElseThrow();
            Run after = change.apply(before);
            if (after != before) {
                write(c, after, null);
            }
            return after;
        });
    }

    /** What became of a revision offered to the store. */
    sealed interface Admission {}

    /** The delivery or the commit was known: the run that answers it. */
    record Known(String runId) implements Admission {}

    /** A new run, with the runs of its line it superseded. */
    record Admitted(Run run, List<Run> superseded) implements Admission {}

    /** As many runs wait as the queue holds. */
    record Full() implements Admission {}

    /**
     * Takes a revision in, in one transaction: a known delivery or a commit already queued or validated answers with its
     * run; otherwise a new run is written with its delivery, supersedes the unfinished runs of its line, and the posts
     * about all of them go into the outbox.
     */
    Admission admit(
            Revision revision,
            String deliveryKey,
            int capacity,
            Supplier<Run> accepted,
            java.util.function.BinaryOperator<Run> supersede,
            Function<Run, List<OutboxPost>> posts) {
        return timed("write", c -> {
            if (deliveryKey != null) {
                Optional<String> known = string(c, "SELECT run_id FROM deliveries WHERE delivery_key = ?", deliveryKey);
                if (known.isPresent()) {
                    return new Known(known.get());
                }
            }
            Optional<Run> same = first(
                    c,
                    RECORD + "WHERE clone_url = ? AND (named_sha = ? OR sha = ?) AND commit_key IS NOT NULL"
                            + " ORDER BY accepted_at DESC FOR UPDATE",
                    revision.cloneUrl(),
                    revision.sha(),
                    revision.sha());
            if (same.isPresent()) {
                if (deliveryKey != null) {
                    execute(
                            c,
                            "INSERT INTO deliveries (delivery_key, run_id) VALUES (?, ?)",
                            deliveryKey,
                            same.get().id());
                    write(c, same.get().withDelivery(deliveryKey), null);
                }
                return new Known(same.get().id());
            }
            long waiting = number(c, "SELECT COUNT(*) FROM runs WHERE state = 'QUEUED'");
            if (waiting >= capacity) {
                return new Full();
            }
            Run run = accepted.get();
            insert(c, run);
            if (deliveryKey != null) {
                execute(c, "INSERT INTO deliveries (delivery_key, run_id) VALUES (?, ?)", deliveryKey, run.id());
            }
            List<Run> superseded = new ArrayList<>();
            for (Run older : all(
                    c,
                    RECORD + "WHERE line = ? AND state IN " + UNFINISHED + " AND id <> ? FOR UPDATE",
                    run.revision().line(),
                    run.id())) {
                Run replaced = supersede.apply(older, run);
                write(c, replaced, null);
                superseded.add(replaced);
                enqueue(c, posts.apply(replaced), null);
            }
            enqueue(c, posts.apply(run), null);
            return new Admitted(run, superseded);
        });
    }

    /**
     * Claims the oldest run waiting (or left running by a replica whose lease ran out) for this replica, once deliveries
     * paused for the settle time or the run waited the longest settle time; skips runs another replica is claiming.
     */
    Optional<Run> claim(String replica, Instant now, Duration settle, Duration longestSettle) {
        return timed("write", c -> {
            Optional<Run> waiting = first(
                    c,
                    RECORD + "r WHERE (r.state = 'QUEUED' OR (r.state = 'RUNNING' AND "
                            + LEASE_LAPSED.formatted("r.owner") + "))"
                            + " AND (r.accepted_at <= ? OR NOT EXISTS (SELECT 1 FROM runs n WHERE n.accepted_at > ?))"
                            + " ORDER BY r.accepted_at, r.id LIMIT 1 FOR UPDATE SKIP LOCKED",
                    now.toEpochMilli(),
                    now.minus(longestSettle).toEpochMilli(),
                    now.minus(settle).toEpochMilli());
            if (waiting.isEmpty()) {
                return Optional.<Run>empty();
            }
            Run run = waiting.get();
            Run started = (run.state() == RunState.RUNNING ? run.queuedAgain() : run).started(now);
            write(c, started, replica);
            return Optional.of(started);
        });
    }

    /** Whether any run waits to be claimed (perhaps only for deliveries to pause). */
    boolean anyWaiting() {
        return timed("read", c -> number(c, "SELECT COUNT(*) FROM runs WHERE state = 'QUEUED'") > 0);
    }

    /**
     * Records the end of a run this replica still owns, with the posts about it, in one transaction; empty when the run
     * is no longer this replica's (superseded meanwhile, or taken over after the lease ran out): its end is then not
     * this replica's to tell.
     */
    Optional<Run> finish(String id, String replica, UnaryOperator<Run> change, Function<Run, List<OutboxPost>> posts) {
        return timed("write", c -> {
            Optional<Run> mine =
                    first(c, RECORD + "WHERE id = ? AND state = 'RUNNING' AND owner = ? FOR UPDATE", id, replica);
            if (mine.isEmpty()) {
                return Optional.<Run>empty();
            }
            Run finished = change.apply(mine.get());
            write(c, finished, null);
            enqueue(c, posts.apply(finished), null);
            return Optional.of(finished);
        });
    }

    /** Ends a run with the posts about it, whoever owns it (a run that cannot be queued again). */
    Run end(String id, UnaryOperator<Run> change, Function<Run, List<OutboxPost>> posts) {
        return timed("write", c -> {
            Run before = first(c, RECORD + "WHERE id = ? FOR UPDATE", id).orElseThrow();
            Run after = change.apply(before);
            write(c, after, null);
            enqueue(c, posts.apply(after), null);
            return after;
        });
    }

    /** Renews this replica's lease (its runs and posts stay its own until the lease runs out). */
    void renew(String replica, Instant until) {
        timed("write", c -> {
            if (execute(c, "UPDATE replicas SET lease_until = ? WHERE id = ?", until.toEpochMilli(), replica) == 0) {
                execute(c, "INSERT INTO replicas (id, lease_until) VALUES (?, ?)", replica, until.toEpochMilli());
            }
            return null;
        });
    }

    /**
     * Gives this replica's work back at a graceful stop: its runs are queued again and its unsettled posts unowned, for
     * any replica (or the next start) to take at once.
     */
    void release(String replica) {
        timed("write", c -> {
            for (Run run : all(c, RECORD + "WHERE owner = ? AND state = 'RUNNING' FOR UPDATE", replica)) {
                write(c, run.queuedAgain(), null);
            }
            execute(c, "UPDATE outbox SET owner = NULL WHERE owner = ? AND done = FALSE", replica);
            execute(c, "DELETE FROM replicas WHERE id = ?", replica);
            return null;
        });
    }

    /** For a store only this process can open: every other replica is a stop of an earlier process of this one. */
    void forgetEarlierProcesses(String replica) {
        timed("write", c -> execute(c, "DELETE FROM replicas WHERE id <> ?", replica));
    }

    /** Runs this replica works on right now. */
    List<Run> ownedBy(String replica) {
        return timed("read", c -> all(c, RECORD + "WHERE owner = ? AND state = 'RUNNING'", replica));
    }

    /**
     * Claims unsettled posts for this replica, oldest first: its own, unowned ones and those of replicas whose lease
     * ran out. A post that a newer one of its key has overtaken is crossed off instead of handed out: only the newest
     * state of a commit is worth posting (a replica still holding an overtaken post drops it at its next attempt).
     */
    List<OutboxPost> claimPosts(String replica, Instant now, int limit) {
        return timed("write", c -> {
            List<OutboxPost> posts = new ArrayList<>();
            try (PreparedStatement statement = prepare(
                            c,
                            "SELECT o.seq, o.post_key, o.run_id, o.kind, o.status_state, o.description, o.target_url,"
                                    + " o.context, o.body,"
                                    + " EXISTS (SELECT 1 FROM outbox e WHERE e.post_key = o.post_key AND e.seq > o.seq)"
                                    + " FROM outbox o WHERE o.done = FALSE"
                                    + " AND (o.owner IS NULL OR o.owner = ? OR " + LEASE_LAPSED.formatted("o.owner")
                                    + ") ORDER BY o.seq LIMIT ?",
                            replica,
                            now.toEpochMilli(),
                            limit);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    OutboxPost post = new OutboxPost(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            OutboxPost.Kind.valueOf(rows.getString(4)),
                            new CommitStatus(
                                    CommitStatus.State.valueOf(rows.getString(5)),
                                    rows.getString(6),
                                    rows.getString(7),
                                    rows.getString(8)),
                            rows.getString(9));
                    posts.add(rows.getBoolean(10) ? post.numbered(-post.seq()) : post);
                }
            }
            List<OutboxPost> handed = new ArrayList<>();
            for (OutboxPost post : posts) {
                if (post.seq() < 0) {
                    execute(c, "UPDATE outbox SET done = TRUE WHERE seq = ?", -post.seq());
                } else {
                    execute(c, "UPDATE outbox SET owner = ? WHERE seq = ?", replica, post.seq());
                    handed.add(post);
                }
            }
            return handed;
        });
    }

    /** Whether no newer post of the same key was written since. */
    boolean newestOfItsKey(OutboxPost post) {
        return timed(
                "read",
                c -> number(c, "SELECT COUNT(*) FROM outbox WHERE post_key = ? AND seq > ?", post.key(), post.seq())
                        == 0);
    }

    /** Crosses a post off: posted, refused for good, given up or overtaken. */
    void settle(OutboxPost post) {
        timed("write", c -> execute(c, "UPDATE outbox SET done = TRUE WHERE seq = ?", post.seq()));
    }

    /** How many posts wait in the outbox, claimed or not, for the outbox gauge: every replica sees them all. */
    public int unsettledPosts() {
        return timed("read", c -> (int) number(c, "SELECT COUNT(*) FROM outbox WHERE done = FALSE"));
    }

    /** Deletes the oldest finished runs beyond the number to keep, with their deliveries and posts. */
    int prune(int keep) {
        return timed("prune", c -> {
            List<String> old = new ArrayList<>();
            try (PreparedStatement statement = prepare(
                            c,
                            "SELECT id FROM runs WHERE state NOT IN " + UNFINISHED
                                    + " ORDER BY accepted_at DESC, id OFFSET ?",
                            Math.max(0, keep - number(c, "SELECT COUNT(*) FROM runs WHERE state IN " + UNFINISHED)));
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    old.add(rows.getString(1));
                }
            }
            for (String id : old) {
                execute(c, "DELETE FROM deliveries WHERE run_id = ?", id);
                execute(c, "DELETE FROM outbox WHERE run_id = ?", id);
                execute(c, "DELETE FROM runs WHERE id = ?", id);
            }
            return old.size();
        });
    }

    private static void enqueue(Connection c, List<OutboxPost> posts, String owner) throws SQLException {
        for (OutboxPost post : posts) {
            execute(
                    c,
                    "INSERT INTO outbox (post_key, run_id, kind, status_state, description, target_url, context, body,"
                            + " owner, done) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)",
                    post.key(),
                    post.runId(),
                    post.kind().name(),
                    post.status().state().name(),
                    post.status().description(),
                    post.status().targetUrl(),
                    post.status().context(),
                    post.body(),
                    owner);
        }
    }

    private static void insert(Connection c, Run run) throws SQLException {
        execute(
                c,
                "INSERT INTO runs (id, state, clone_url, named_sha, sha, line, accepted_at, commit_key, owner, record)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
                run.id(),
                run.state().name(),
                run.revision().cloneUrl(),
                run.revision().sha(),
                run.sha(),
                run.revision().line(),
                run.acceptedAt().toEpochMilli(),
                commitKey(run),
                json(run));
    }

    private static void write(Connection c, Run run, String owner) throws SQLException {
        execute(
                c,
                "UPDATE runs SET state = ?, sha = ?, commit_key = ?, owner = ?, record = ? WHERE id = ?",
                run.state().name(),
                run.sha(),
                commitKey(run),
                owner,
                json(run),
                run.id());
    }

    /** Set while the run did or will reach a verdict of its commit; an erred or superseded run leaves it free. */
    private static String commitKey(Run run) {
        return run.state() == RunState.ERROR || run.state() == RunState.SUPERSEDED
                ? null
                : run.revision().cloneUrl() + " " + run.revision().sha();
    }

    private static String json(Run run) {
        try {
            return RunRecordJson.mapper().writeValueAsString(run);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a run record cannot be written", e);
        }
    }

    private static Run run(String json) {
        try {
            return RunRecordJson.mapper().readValue(json, Run.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a run record cannot be read", e);
        }
    }

    private static Optional<Run> first(Connection c, String sql, Object... parameters) throws SQLException {
        List<Run> runs = all(c, sql, parameters);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    private static List<Run> all(Connection c, String sql, Object... parameters) throws SQLException {
        List<Run> runs = new ArrayList<>();
        try (PreparedStatement statement = prepare(c, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                runs.add(run(rows.getString(1)));
            }
        }
        return runs;
    }

    private static Optional<String> string(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    private static long number(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int execute(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    @Override
    public void close() {
        try {
            connections.close();
        } catch (Exception e) {
            throw new IllegalStateException("the run store could not be closed: " + e.getMessage(), e);
        }
    }
}
