package dev.meshgate.git;

import dev.meshgate.files.FileTrees;
import dev.meshgate.revision.RepositoryUrl;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.PushCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TagOpt;

/**
 * One bare mirror on disk. Readers (exports) share it, a fetch or a deletion has it alone; callers take the lock.
 */
final class Mirror {

    private static final String LAST_USED_MARKER = "meshgate-last-used";

    private final Path directory;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicInteger users = new AtomicInteger();
    private Repository repository;

    Mirror(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    ReentrantReadWriteLock lock() {
        return lock;
    }

    /** Runs that are between asking for this mirror and finishing their export; eviction leaves it alone meanwhile. */
    AtomicInteger users() {
        return users;
    }

    boolean exists() {
        return Files.isDirectory(directory);
    }

    /** Opens the mirror, creating an empty one first when there is none; a mirror that will not open is damaged. */
    synchronized Repository repository() throws IOException {
        if (repository == null) {
            if (!exists()) {
                Files.createDirectories(directory.getParent());
                try {
                    Git.init()
                            .setBare(true)
                            .setGitDir(directory.toFile())
                            .call()
                            .close();
                } catch (GitAPIException e) {
                    throw new IOException("cannot create the mirror " + directory, e);
                }
            }
            Repository opened = new FileRepositoryBuilder()
                    .setGitDir(directory.toFile())
                    .setMustExist(true)
                    .build();
            if (!opened.getObjectDatabase().exists()) {
                opened.close();
                throw new IOException("the mirror " + directory + " has no object database");
            }
            // A detached automatic gc would rewrite packs outside the mirror's write lock.
            opened.getConfig().setBoolean("gc", null, "autoDetach", false);
            repository = opened;
        }
        return repository;
    }

    boolean has(ObjectId commit) {
        if (!exists()) {
            return false;
        }
        try {
            Repository repo = repository();
            return repo.getObjectDatabase().has(commit) && repo.open(commit).getType() == Constants.OBJ_COMMIT;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Where a ref points in the mirror, or null; a short branch name is looked up under refs/heads/. */
    ObjectId ref(String name) {
        try {
            Ref ref = repository().exactRef(name);
            if (ref == null && !name.startsWith(Constants.R_REFS)) {
                ref = repository().exactRef(Constants.R_HEADS + name);
            }
            return ref == null ? null : ref.getObjectId();
        } catch (IOException e) {
            return null;
        }
    }

    void fetch(RepositoryUrl url, List<RefSpec> refs, boolean prune, GitAuthentication auth, DeadlineMonitor deadline)
            throws GitException, IOException, GitAPIException {
        FetchCommand fetch = new Git(repository())
                .fetch()
                .setRemote(Destinations.transportUrl(url, auth.policy()))
                .setRefSpecs(refs)
                .setRemoveDeletedRefs(prune)
                .setTagOpt(TagOpt.NO_TAGS)
                .setProgressMonitor(deadline);
        auth.configure(fetch, url);
        fetch.setTimeout(deadline.readTimeoutSeconds());
        fetch.call();
    }

    /** Pushes one ref spec and says what the server did with it; nothing is forced unless the spec says so. */
    BranchUpdate push(RepositoryUrl url, RefSpec spec, GitAuthentication auth, DeadlineMonitor deadline)
            throws GitException, IOException {
        PushCommand push = new Git(repository())
                .push()
                .setRemote(Destinations.transportUrl(url, auth.policy()))
                .setRefSpecs(spec)
                .setProgressMonitor(deadline);
        auth.configure(push, url);
        push.setTimeout(deadline.readTimeoutSeconds());
        try {
            for (PushResult result : push.call()) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    return BranchUpdate.of(update);
                }
            }
            return new BranchUpdate(BranchUpdate.Outcome.FAILED, "the server answered nothing about the branch");
        } catch (GitAPIException e) {
            throw FetchFailures.classify(url, e, deadline);
        }
    }

    long size() throws IOException {
        if (!exists()) {
            return 0;
        }
        AtomicLong total = new AtomicLong();
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                total.addAndGet(attributes.size());
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException vanished) {
                // A lock file or an old pack another run removed meanwhile: it no longer takes space.
                return FileVisitResult.CONTINUE;
            }
        });
        return total.get();
    }

    void touch(Clock clock) {
        try {
            Path marker = directory.resolve(LAST_USED_MARKER);
            if (!Files.exists(marker)) {
                Files.createFile(marker);
            }
            Files.setLastModifiedTime(marker, FileTime.from(clock.instant()));
        } catch (IOException e) {
            // Without the marker the mirror only looks older to eviction.
        }
    }

    Instant lastUsed() {
        try {
            return Files.getLastModifiedTime(directory.resolve(LAST_USED_MARKER))
                    .toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** Deletes the mirror from disk; the next use starts from an empty one. */
    synchronized void delete() {
        if (repository != null) {
            repository.close();
            repository = null;
        }
        try {
            FileTrees.deleteRecursively(directory);
        } catch (IOException e) {
            // Whatever is left cannot be opened as a repository and is deleted at its next use.
        }
    }
}
