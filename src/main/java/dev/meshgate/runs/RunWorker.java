package dev.meshgate.runs;

import dev.meshgate.analysis.policy.ConfigFile;
import dev.meshgate.cluster.ClusterView;
import dev.meshgate.files.FolderNames;
import dev.meshgate.git.Checkout;
import dev.meshgate.git.CheckoutRequest;
import dev.meshgate.git.GitException;
import dev.meshgate.git.MirrorCache;
import dev.meshgate.render.RenderLimits;
import dev.meshgate.revision.InvalidRepositoryUrlException;
import dev.meshgate.revision.RepositoryUrl;
import dev.meshgate.revision.Revision;
import dev.meshgate.validation.RepositoryValidation;
import dev.meshgate.validation.ValidationOptions;
import dev.meshgate.validation.ValidationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.jboss.logging.Logger;

/** Does one run's work: check the commit out, validate it with the repository's own settings, sum it up. */
class RunWorker {

    private static final Logger LOG = Logger.getLogger(RunWorker.class);

    private final MirrorCache mirrors;
    private final Path workDirectory;
    private final boolean onlyNewErrorsFail;
    private ValidationOptions options = ValidationOptions.defaults();
    private Optional<VerifiedBranch> verifiedBranch = Optional.empty();
    private RunObserver observer = RunObserver.NONE;

    /**
     * @param onlyNewErrorsFail whether a change request fails only on errors its merge base did not have (for
     *     repositories with old debt), or on every error
     */
    RunWorker(MirrorCache mirrors, Path workDirectory, boolean onlyNewErrorsFail) {
        this.mirrors = mirrors;
        this.workDirectory = workDirectory;
        this.onlyNewErrorsFail = onlyNewErrorsFail;
    }

    /** Renders with these tools and limits instead of the defaults. */
    RunWorker renderingWith(RenderLimits limits) {
        this.options = options.renderingWith(limits);
        return this;
    }

    /** Looks references the repository leaves open up in a cluster or inventory. */
    RunWorker lookingUpIn(ClusterView view) {
        this.options = options.lookingUpIn(view);
        return this;
    }

    /** Checks structure against these CRD files or folders where the repository and the cluster define no CRD. */
    RunWorker checkingStructureAgainst(java.util.List<java.nio.file.Path> crds) {
        this.options = options.withCrds(crds);
        return this;
    }

    /** Tells the observer how long checkouts, rendering and analysis take. */
    RunWorker observedBy(RunObserver observer) {
        this.observer = observer;
        return this;
    }

    /** Moves the verified branch after each passing push to the tracked branch. */
    RunWorker movingVerifiedBranch(VerifiedBranch branch) {
        this.verifiedBranch = Optional.of(branch);
        return this;
    }

    /**
     * Never throws: whatever goes wrong becomes an error outcome with a reason a user can act on, naming files by
     * their place in the repository, never by meshgate's working folders.
     */
    RunOutcome run(Run run) {
        RunOutcome outcome = runUnscrubbed(run);
        return new RunOutcome(
                outcome.state(),
                outcome.sha(),
                shown(outcome.description()),
                outcome.notes().stream().map(this::shown).toList(),
                outcome.report());
    }

    private String shown(String message) {
        return FolderNames.hideFoldersUnder(message, workDirectory, "meshgate's working folder");
    }

    private RunOutcome runUnscrubbed(Run run) {
        Revision revision = run.revision();
        String sha = null;
        try {
            RepositoryUrl url = RepositoryUrl.parse(revision.cloneUrl());
            sha = FullSha.of(mirrors, url, revision);
            ValidatedCommit head = validate(CheckoutRequest.of(url, sha).onRef(revision.ref()), run.id());
            if (!revision.isChangeRequest() || revision.targetBranch() == null) {
                if (head.passed() && verifiedBranch.isPresent()) {
                    Optional<String> moved = verifiedBranch.get().advance(revision, url, sha);
                    head = moved.isPresent() ? head.withNote(moved.get()) : head;
                }
                return head.outcome(head.passed());
            }
            return compareWithMergeBase(run, url, head);
        } catch (GitException | InvalidRepositoryUrlException e) {
            return RunOutcome.error(sha, e.getMessage());
        } catch (ConfigFile.InvalidConfigException e) {
            return RunOutcome.error(sha, "invalid " + ConfigFile.DEFAULT_NAME + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "run %s failed", run.id());
            return RunOutcome.error(sha, "meshgate failed: " + e.getMessage());
        }
    }

    /**
     * Validates the merge base of a change request too, so that the verdict can rest on what the change broke rather
     * than on debt the target branch already had. Without a usable merge base, every finding counts.
     */
    private RunOutcome compareWithMergeBase(Run run, RepositoryUrl url, ValidatedCommit head) {
        String targetBranch = run.revision().targetBranch();
        try {
            String target = mirrors.resolve(url, Constants.R_HEADS + targetBranch);
            Optional<String> base = mirrors.mergeBase(url, head.sha(), target);
            if (base.isEmpty()) {
                return head.withNote("the change shares no history with " + targetBranch + ": all findings count")
                        .outcome(head.passed());
            }
            ValidatedCommit before = validate(CheckoutRequest.of(url, base.get()), run.id() + "-base");
            return head.comparedWith(before, base.get(), onlyNewErrorsFail);
        } catch (GitException | IOException | ConfigFile.InvalidConfigException e) {
            return head.withNote("the merge base could not be validated (" + e.getMessage() + "): all findings count")
                    .outcome(head.passed());
        }
    }

    /** Renders what Argo CD or Flux would apply from the commit, as they would, and validates it. */
    private ValidatedCommit validate(CheckoutRequest request, String folder)
            throws GitException, IOException, ConfigFile.InvalidConfigException {
        long start = System.nanoTime();
        try (Checkout checkout = mirrors.checkout(request, workDirectory.resolve(folder))) {
            observer.checkedOut(Duration.ofNanos(System.nanoTime() - start));
            Path root = checkout.directory();
            ValidationResult result;
            try {
                result = RepositoryValidation.validate(root, options.ofRepository(request.url()), observer);
            } catch (ConfigFile.InvalidConfigException e) {
                // The message names the file by its place in the working folder; the reader knows it by its
                // repository path.
                throw new ConfigFile.InvalidConfigException(e.getMessage().replace(root + "/", ""));
            }
            List<String> notes = checkoutNotes(checkout);
            notes.addAll(result.notes());
            return new ValidatedCommit(checkout.sha(), result.report(), notes);
        }
    }

    private static List<String> checkoutNotes(Checkout checkout) {
        List<String> notes = new ArrayList<>();
        if (checkout.skippedSymlinks() > 0) {
            notes.add(StatusLine.plural(checkout.skippedSymlinks(), "symbolic link")
                    + " skipped: meshgate never follows links");
        }
        for (String submodule : checkout.skippedSubmodules()) {
            notes.add("submodule " + submodule + " skipped (submodules are off, or its URL is not a network URL)");
        }
        return notes;
    }
}
