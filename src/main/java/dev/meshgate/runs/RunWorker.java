package dev.meshgate.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.policy.ConfigFile;
import dev.meshgate.cluster.ClusterUnavailableException;
import dev.meshgate.cluster.ClusterView;
import dev.meshgate.git.Checkout;
import dev.meshgate.git.CheckoutRequest;
import dev.meshgate.git.GitException;
import dev.meshgate.git.MirrorCache;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.Resource;
import dev.meshgate.render.RenderLimits;
import dev.meshgate.render.RenderedApplication;
import dev.meshgate.render.Rendering;
import dev.meshgate.render.SourceType;
import dev.meshgate.report.JsonFormatter;
import dev.meshgate.report.Report;
import dev.meshgate.report.Summary;
import dev.meshgate.report.Validation;
import dev.meshgate.revision.InvalidRepositoryUrlException;
import dev.meshgate.revision.RepositoryUrl;
import dev.meshgate.revision.Revision;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.jboss.logging.Logger;

/** Does one run's work: check the commit out, validate it with the repository's own settings, sum it up. */
class RunWorker {

    private static final Logger LOG = Logger.getLogger(RunWorker.class);
    private static final int FULL_SHA_LENGTH = 40;

    private final MirrorCache mirrors;
    private final Path workDirectory;
    private final boolean onlyNewErrorsFail;
    private Rendering rendering = new Rendering(RenderLimits.defaults(), LoadLimits.defaults());
    private Optional<VerifiedBranch> verifiedBranch = Optional.empty();
    private Optional<ClusterView> cluster = Optional.empty();

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
        this.rendering = new Rendering(limits, LoadLimits.defaults());
        return this;
    }

    /** Looks references the repository leaves open up in a cluster or inventory. */
    RunWorker lookingUpIn(ClusterView view) {
        this.cluster = Optional.of(view);
        return this;
    }

    /** Moves the verified branch after each passing push to the tracked branch. */
    RunWorker movingVerifiedBranch(VerifiedBranch branch) {
        this.verifiedBranch = Optional.of(branch);
        return this;
    }

    /** Never throws: whatever goes wrong becomes an error outcome with a reason a user can act on. */
    RunOutcome run(Run run) {
        Revision revision = run.revision();
        String sha = null;
        try {
            RepositoryUrl url = RepositoryUrl.parse(revision.cloneUrl());
            sha = fullSha(url, revision);
            CheckoutRequest request = CheckoutRequest.of(url, sha).onRef(revision.ref());
            Validated head;
            try (Checkout checkout = mirrors.checkout(request, workDirectory.resolve(run.id()))) {
                head = validate(checkout, revision.cloneUrl());
            }
            if (!revision.isChangeRequest() || revision.targetBranch() == null) {
                boolean passed = head.summary().passed();
                if (passed && verifiedBranch.isPresent()) {
                    Optional<String> moved = verifiedBranch.get().advance(revision, url, sha);
                    head = moved.isPresent() ? head.withNote(moved.get()) : head;
                }
                return head.outcome(sha, passed, describe(head.summary()));
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
    private RunOutcome compareWithMergeBase(Run run, RepositoryUrl url, Validated head) {
        String sha = head.sha();
        try {
            String target =
                    mirrors.resolve(url, Constants.R_HEADS + run.revision().targetBranch());
            Optional<String> base = mirrors.mergeBase(url, sha, target);
            if (base.isEmpty()) {
                return head.withNote("the change shares no history with "
                                + run.revision().targetBranch() + ": all findings count")
                        .outcome(sha, head.summary().passed(), describe(head.summary()));
            }
            Validated before;
            try (Checkout checkout =
                    mirrors.checkout(CheckoutRequest.of(url, base.get()), workDirectory.resolve(run.id() + "-base"))) {
                before = validate(checkout, run.revision().cloneUrl());
            }
            Baseline.NewFindings found = Baseline.mark(head.report(), before.report(), base.get());
            boolean passed =
                    onlyNewErrorsFail ? found.errors() == 0 : head.summary().passed();
            return head.outcome(sha, passed, describeNew(found, head.summary()));
        } catch (GitException | IOException | ConfigFile.InvalidConfigException e) {
            return head.withNote("the merge base could not be validated (" + e.getMessage() + "): all findings count")
                    .outcome(sha, head.summary().passed(), describe(head.summary()));
        }
    }

    /** One validated commit: its summary, its JSON report, and what the reader should know about the checkout. */
    private record Validated(String sha, Summary summary, JsonNode report, List<String> notes) {

        Validated withNote(String note) {
            List<String> more = new ArrayList<>(notes);
            more.add(note);
            return new Validated(sha, summary, report, more);
        }

        RunOutcome outcome(String fullSha, boolean passed, String description) {
            return new RunOutcome(passed ? RunState.PASSED : RunState.FAILED, fullSha, description, notes, report);
        }
    }

    /** Bitbucket Cloud names a pull request's head by a 12-character prefix: the ref's head must start with it. */
    private String fullSha(RepositoryUrl url, Revision revision) throws GitException {
        if (revision.sha().length() == FULL_SHA_LENGTH || revision.ref() == null) {
            return revision.sha();
        }
        String head = mirrors.resolve(url, revision.ref());
        if (!head.startsWith(revision.sha())) {
            throw new GitException(
                    GitException.Reason.COMMIT_GONE,
                    revision.ref() + " now points at " + head + ", not at " + revision.sha()
                            + ": a newer push replaced it",
                    null);
        }
        return head;
    }

    /** Renders what Argo CD or Flux would apply from the commit, as they would, and validates it. */
    private Validated validate(Checkout checkout, String cloneUrl)
            throws IOException, ConfigFile.InvalidConfigException {
        Path root = checkout.directory();
        Path configFile = root.resolve(ConfigFile.DEFAULT_NAME);
        ConfigFile.Config config;
        try {
            config = Files.isRegularFile(configFile) ? ConfigFile.read(configFile) : ConfigFile.Config.defaults();
        } catch (ConfigFile.InvalidConfigException e) {
            // The message names the file by its place in the working folder; the reader knows it by its repository
            // path.
            throw new ConfigFile.InvalidConfigException(e.getMessage().replace(root + "/", ""));
        }
        Validation validation = new Validation().config(config);
        List<RenderedApplication> applications = rendering.renderAll(
                root, Optional.of(cloneUrl), validation.settings().defaultNamespace(), config.applications());
        List<String> notes = notes(checkout);
        List<Resource> outside = List.of();
        if (cluster.isPresent()) {
            try {
                outside = cluster.get().resources();
            } catch (ClusterUnavailableException e) {
                notes.add(e.getMessage() + ": references were checked against the repository only");
            }
        }
        Report report = validation.reportApplications(applications, outside);
        if (cluster.isEmpty() && !report.findings().isEmpty()) {
            notes.add("references were checked against the repository only: no cluster or inventory is configured"
                    + " (meshgate.cluster)");
        }
        if (applications.size() > 1
                || applications.get(0).source().declaredBy() != null
                || applications.get(0).source().type() != SourceType.DIRECTORY) {
            notes.add("rendered "
                    + applications.stream()
                            .map(application -> Rendering.describe(application.source()))
                            .collect(java.util.stream.Collectors.joining("; ")));
        }
        return new Validated(checkout.sha(), report.summary(), json(report), notes);
    }

    static String describeNew(Baseline.NewFindings found, Summary summary) {
        return plural(found.errors(), "new error") + ", " + plural(found.warnings(), "new warning") + " ("
                + summary.errors() + " errors, " + summary.warnings() + " warnings in all) in "
                + plural(summary.files(), "file");
    }

    /** The status line: counts of what matters, within every forge's length limit. */
    static String describe(Summary summary) {
        if (summary.errors() == 0 && summary.warnings() == 0) {
            return "no problems in " + plural(summary.resources(), "resource") + " (" + plural(summary.files(), "file")
                    + ")";
        }
        return plural(summary.errors(), "error") + ", " + plural(summary.warnings(), "warning") + " in "
                + plural(summary.files(), "file");
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static List<String> notes(Checkout checkout) {
        List<String> notes = new ArrayList<>();
        if (checkout.skippedSymlinks() > 0) {
            notes.add(plural(checkout.skippedSymlinks(), "symbolic link") + " skipped: meshgate never follows links");
        }
        for (String submodule : checkout.skippedSubmodules()) {
            notes.add("submodule " + submodule + " skipped (submodules are off, or its URL is not a network URL)");
        }
        return notes;
    }

    private static JsonNode json(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new JsonFormatter().write(report, out);
        return RunStore.JSON.readTree(out.toString());
    }
}
