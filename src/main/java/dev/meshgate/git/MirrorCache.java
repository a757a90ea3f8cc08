package dev.meshgate.git;

import dev.meshgate.files.FolderNames;
import dev.meshgate.revision.RepositoryUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.transport.RefSpec;

/**
 * One bare mirror per repository URL under a data folder: the first use clones, later uses fetch what is missing,
 * then the commit's tree is exported to a working folder. One writer per mirror, readers in parallel, any number of
 * mirrors at once; a damaged mirror is deleted and cloned again, and a disk budget evicts the least recently used.
 */
public final class MirrorCache {

    /** Branches, tags, and the heads of GitHub pull requests and GitLab merge requests. */
    private static final List<RefSpec> REFS = List.of(
            new RefSpec("+refs/heads/*:refs/heads/*"),
            new RefSpec("+refs/tags/*:refs/tags/*"),
            new RefSpec("+refs/pull/*/head:refs/pull/*/head"),
            new RefSpec("+refs/merge-requests/*/head:refs/merge-requests/*/head"));

    /** Commits fetched by id are kept under a ref of their own, so that nothing collects them. */
    private static final String FETCHED_BY_ID = "refs/meshgate/";

    private static final int MAX_SUBMODULE_DEPTH = 3;

    private final Path root;
    private final MirrorCacheSettings settings;
    private final GitAuthentication auth;
    private final Clock clock;
    private final Map<String, Mirror> mirrors = new ConcurrentHashMap<>();
    private final DiskBudget diskBudget;
    private volatile MirrorObserver observer = MirrorObserver.NONE;

    public MirrorCache(MirrorCacheSettings settings, GitAuthentication auth) {
        this(settings, auth, Clock.systemUTC());
    }

    MirrorCache(MirrorCacheSettings settings, GitAuthentication auth, Clock clock) {
        this.root = settings.dataDirectory().resolve("mirrors");
        this.settings = settings;
        this.auth = auth.guardedBy(settings.outbound());
        this.clock = clock;
        this.diskBudget = new DiskBudget(root, settings.diskBudgetBytes(), this::mirrorAt);
    }

    public MirrorCacheSettings settings() {
        return settings;
    }

    /** Tells the observer whether each checkout found its commit in the mirror. */
    public MirrorCache observedBy(MirrorObserver observer) {
        this.observer = observer;
        return this;
    }

    /** The bytes all mirrors take, as last measured (after each checkout's eviction), measured now if never yet. */
    public long diskUsage() {
        return diskBudget.lastMeasured().orElseGet(diskBudget::measureTotal);
    }

    /**
     * Fetches the repository and answers the commit a ref points at: a branch name or a full ref such as
     * {@code refs/pull/7/head}.
     */
    public String resolve(RepositoryUrl url, String ref) throws GitException {
        Mirror mirror = mirrorAt(directoryName(url));
        mirror.users().incrementAndGet();
        try {
            Lock write = mirror.lock().writeLock();
            write.lock();
            try {
                fetchRefs(mirror, url);
            } finally {
                write.unlock();
            }
            ObjectId commit = readLocked(mirror, () -> mirror.ref(ref));
            if (commit == null) {
                throw new GitException(
                        GitException.Reason.UNKNOWN_COMMIT, url + " has no branch or ref named '" + ref + "'", null);
            }
            return commit.name();
        } catch (MirrorDamaged damaged) {
            rebuild(mirror);
            throw damaged.failure();
        } finally {
            mirror.touch(clock);
            mirror.users().decrementAndGet();
        }
    }

    /**
     * The best common ancestor of two commits the mirror already holds (check them out or resolve them first), or
     * empty when their histories never meet.
     */
    public Optional<String> mergeBase(RepositoryUrl url, String first, String second) throws GitException {
        Mirror mirror = mirrorAt(directoryName(url));
        try {
            return readLocked(mirror, () -> {
                try (RevWalk walk = new RevWalk(mirror.repository())) {
                    walk.setRevFilter(RevFilter.MERGE_BASE);
                    walk.markStart(walk.parseCommit(parse(first)));
                    walk.markStart(walk.parseCommit(parse(second)));
                    RevCommit base = walk.next();
                    return Optional.ofNullable(base).map(RevCommit::name);
                } catch (GitException e) {
                    throw new IOException(e.getMessage(), e);
                }
            });
        } catch (MirrorDamaged damaged) {
            throw new GitException(
                    GitException.Reason.UNKNOWN_COMMIT,
                    "the merge base of " + first + " and " + second + " cannot be found in " + url,
                    null);
        }
    }

    /**
     * Moves a branch of the remote repository forward to a commit the mirror holds, never backwards or sideways: the
     * push is not forced, so the server refuses anything but a fast-forward.
     */
    public BranchUpdate fastForward(RepositoryUrl url, String branch, String sha) throws GitException {
        Mirror mirror = mirrorAt(directoryName(url));
        ObjectId commit = parse(sha);
        try {
            return readLocked(mirror, () -> {
                if (!mirror.has(commit)) {
                    return new BranchUpdate(BranchUpdate.Outcome.FAILED, "commit " + sha + " is not in the mirror");
                }
                try {
                    return mirror.push(
                            url, new RefSpec(commit.name() + ":" + Constants.R_HEADS + branch), auth, deadline());
                } catch (GitException e) {
                    return new BranchUpdate(BranchUpdate.Outcome.FAILED, e.getMessage());
                }
            });
        } catch (MirrorDamaged damaged) {
            return new BranchUpdate(
                    BranchUpdate.Outcome.FAILED, damaged.failure().getMessage());
        }
    }

    /** Exports the requested commit into the target folder, fetching it first when the mirror lacks it. */
    public Checkout checkout(CheckoutRequest request, Path target) throws GitException {
        Path folder = target.toAbsolutePath().normalize();
        Tally tally = new Tally();
        Mirror used = checkoutInto(request, folder, "", tally, 0);
        diskBudget.enforce(used);
        return new Checkout(folder, request.sha(), tally.files, tally.symlinks, tally.skippedSubmodules);
    }

    private Mirror checkoutInto(CheckoutRequest request, Path folder, String prefix, Tally tally, int depth)
            throws GitException {
        ObjectId commit = parse(request.sha());
        Mirror mirror = mirrorAt(directoryName(request.url()));
        mirror.users().incrementAndGet();
        ExportedTree tree;
        Map<String, RepositoryUrl> submoduleUrls = Map.of();
        try {
            try {
                tree = fetchAndExport(mirror, request, commit, folder, tally.bytes);
            } catch (MirrorDamaged damaged) {
                rebuild(mirror);
                tree = fetchAndExport(mirror, request, commit, folder, tally.bytes);
            }
            if (settings.submodules() && !tree.gitlinks().isEmpty() && depth < MAX_SUBMODULE_DEPTH) {
                submoduleUrls = readLocked(mirror, () -> SubmoduleUrls.of(mirror.repository(), commit, request.url()));
            }
        } catch (MirrorDamaged damaged) {
            throw damaged.failure();
        } finally {
            mirror.touch(clock);
            mirror.users().decrementAndGet();
        }
        tally.add(tree);
        // Submodules are fetched after this mirror's lock is released: a submodule may point back at its parent.
        for (ExportedTree.Gitlink link : tree.gitlinks()) {
            RepositoryUrl url = submoduleUrls.get(link.path());
            if (url == null) {
                tally.skippedSubmodules.add(prefix + link.path());
                continue;
            }
            CheckoutRequest nested = CheckoutRequest.of(url, link.commit().name());
            checkoutInto(
                    nested, TreeExporter.inside(folder, link.path()), prefix + link.path() + "/", tally, depth + 1);
        }
        return mirror;
    }

    private ExportedTree fetchAndExport(
            Mirror mirror, CheckoutRequest request, ObjectId commit, Path folder, long bytesBefore)
            throws GitException, MirrorDamaged {
        boolean present = readLocked(mirror, () -> mirror.has(commit));
        if (present) {
            observer.hit();
        } else {
            Lock write = mirror.lock().writeLock();
            write.lock();
            try {
                if (mirror.has(commit)) {
                    observer.hit(); // another checkout fetched it meanwhile
                } else {
                    observer.miss();
                    fetchCommit(mirror, request, commit);
                }
            } finally {
                write.unlock();
            }
        }
        Lock read = mirror.lock().readLock();
        read.lock();
        try {
            if (!mirror.has(commit)) {
                // Evicted between the fetch and the export: rare enough to treat as damage and start over once.
                throw new MirrorDamaged(unknownCommit(request));
            }
            return new TreeExporter(settings.limits())
                    .export(mirror.repository(), commit, request.paths(), folder, bytesBefore);
        } catch (IOException e) {
            throw new MirrorDamaged(new GitException(
                    GitException.Reason.FAILED,
                    "the mirror of " + request.url() + " cannot be read: "
                            + FolderNames.relativeTo(
                                    FolderNames.relativeTo(e.getMessage(), folder, "the working folder"),
                                    root,
                                    "the mirrors' folder"),
                    null));
        } finally {
            read.unlock();
        }
    }

    /** Fetches every ref a gate needs, then the commit by id if no ref has it; the caller holds the write lock. */
    private void fetchCommit(Mirror mirror, CheckoutRequest request, ObjectId commit)
            throws GitException, MirrorDamaged {
        fetchRefs(mirror, request.url());
        if (!mirror.has(commit)) {
            fetchById(mirror, request, commit);
            checkRepositorySize(mirror, request.url());
        }
        if (!mirror.has(commit)) {
            throw missing(mirror, request);
        }
    }

    /** Brings the mirror's branches, tags and change-request heads up to date; the caller holds the write lock. */
    private void fetchRefs(Mirror mirror, RepositoryUrl url) throws GitException, MirrorDamaged {
        boolean existed = mirror.exists();
        try {
            mirror.repository();
        } catch (IOException e) {
            throw new MirrorDamaged(
                    new GitException(GitException.Reason.FAILED, "the mirror of " + url + " cannot be opened", null));
        }
        try {
            mirror.fetch(url, REFS, true, auth, deadline());
        } catch (GitException refused) {
            if (!existed) {
                mirror.delete();
            }
            throw refused;
        } catch (IOException | GitAPIException e) {
            GitException failure = FetchFailures.classify(url, e, deadline());
            if (!existed) {
                mirror.delete();
            } else if (failure.reason() == GitException.Reason.FAILED) {
                throw new MirrorDamaged(failure);
            }
            throw failure;
        }
        checkRepositorySize(mirror, url);
    }

    private void fetchById(Mirror mirror, CheckoutRequest request, ObjectId commit) {
        RefSpec byId = new RefSpec("+" + commit.name() + ":" + FETCHED_BY_ID + commit.name());
        try {
            mirror.fetch(request.url(), List.of(byId), false, auth, deadline());
        } catch (IOException | GitAPIException | GitException e) {
            // Servers refuse ids no ref reaches: the commit is then reported as missing.
        }
    }

    private void checkRepositorySize(Mirror mirror, RepositoryUrl url) throws GitException {
        long size;
        try {
            size = mirror.size();
        } catch (IOException e) {
            return;
        }
        if (size > settings.limits().maxRepositoryBytes()) {
            mirror.delete();
            throw new GitException(
                    GitException.Reason.LIMIT_EXCEEDED,
                    url + " takes " + size + " bytes, over the repository limit of "
                            + settings.limits().maxRepositoryBytes(),
                    null);
        }
    }

    /** Tells a commit force-pushed off its ref from one the server never had. */
    private static GitException missing(Mirror mirror, CheckoutRequest request) {
        if (request.ref() == null) {
            return unknownCommit(request);
        }
        ObjectId now = mirror.ref(request.ref());
        String message = now == null
                ? "commit " + request.sha() + " is gone: " + request.ref() + " no longer exists in " + request.url()
                : "commit " + request.sha() + " is no longer on " + request.ref() + ", which now points at "
                        + now.name() + ": it was force-pushed away";
        return new GitException(GitException.Reason.COMMIT_GONE, message, null);
    }

    private static GitException unknownCommit(CheckoutRequest request) {
        return new GitException(
                GitException.Reason.UNKNOWN_COMMIT,
                "commit " + request.sha() + " is not in " + request.url() + " (unknown, or force-pushed away)",
                null);
    }

    private void rebuild(Mirror mirror) {
        Lock write = mirror.lock().writeLock();
        write.lock();
        try {
            mirror.delete();
        } finally {
            write.unlock();
        }
    }

    private DeadlineMonitor deadline() {
        return new DeadlineMonitor(clock, settings.limits().fetchTimeout());
    }

    private Mirror mirrorAt(String name) {
        return mirrors.computeIfAbsent(name, n -> new Mirror(root.resolve(n)));
    }

    /** A mirror's folder is named by a hash of the redacted URL: no URL text reaches the file system. */
    static String directoryName(RepositoryUrl url) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(url.redacted().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16) + ".git";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    /** Where the mirror of a URL lives on disk. */
    Path mirrorDirectory(RepositoryUrl url) {
        return root.resolve(directoryName(url));
    }

    private static ObjectId parse(String sha) throws GitException {
        if (sha == null || !sha.matches("[0-9a-fA-F]{40}")) {
            throw new GitException(
                    GitException.Reason.UNKNOWN_COMMIT, "'" + sha + "' is not a full 40-character commit id", null);
        }
        return ObjectId.fromString(sha);
    }

    private static <T> T readLocked(Mirror mirror, LockedRead<T> action) throws MirrorDamaged {
        Lock read = mirror.lock().readLock();
        read.lock();
        try {
            return action.run();
        } catch (IOException e) {
            throw new MirrorDamaged(new GitException(GitException.Reason.FAILED, e.getMessage(), null));
        } finally {
            read.unlock();
        }
    }

    private interface LockedRead<T> {
        T run() throws IOException;
    }

    /** A mirror that could not be read or fetched into: deleted and cloned again, once. */
    private static final class MirrorDamaged extends Exception {
        private final GitException failure;

        MirrorDamaged(GitException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }

        GitException failure() {
            return failure;
        }
    }

    /** Counts across a repository and its submodules. */
    private static final class Tally {
        int files;
        int symlinks;
        long bytes;
        final List<String> skippedSubmodules = new ArrayList<>();

        void add(ExportedTree tree) {
            files += tree.files();
            symlinks += tree.skippedSymlinks();
            bytes += tree.bytes();
        }
    }
}
