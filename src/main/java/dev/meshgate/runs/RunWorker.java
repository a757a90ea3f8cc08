package dev.meshgate.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.policy.ConfigFile;
import dev.meshgate.git.Checkout;
import dev.meshgate.git.CheckoutRequest;
import dev.meshgate.git.GitException;
import dev.meshgate.git.MirrorCache;
import dev.meshgate.git.RepositoryUrl;
import dev.meshgate.intake.Revision;
import dev.meshgate.report.JsonFormatter;
import dev.meshgate.report.Report;
import dev.meshgate.report.Summary;
import dev.meshgate.report.Validation;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Does one run's work: check the commit out, validate it with the repository's own settings, sum it up. */
class RunWorker {

    private static final Logger LOG = Logger.getLogger(RunWorker.class);
    private static final int FULL_SHA_LENGTH = 40;

    private final MirrorCache mirrors;
    private final Path workDirectory;

    RunWorker(MirrorCache mirrors, Path workDirectory) {
        this.mirrors = mirrors;
        this.workDirectory = workDirectory;
    }

    /** Never throws: whatever goes wrong becomes an error outcome with a reason a user can act on. */
    RunOutcome run(Run run) {
        Revision revision = run.revision();
        String sha = null;
        try {
            RepositoryUrl url = RepositoryUrl.parse(revision.cloneUrl());
            sha = fullSha(url, revision);
            CheckoutRequest request = CheckoutRequest.of(url, sha).onRef(revision.ref());
            try (Checkout checkout = mirrors.checkout(request, workDirectory.resolve(run.id()))) {
                return validate(checkout);
            }
        } catch (GitException e) {
            return RunOutcome.error(sha, e.getMessage());
        } catch (ConfigFile.InvalidConfigException e) {
            return RunOutcome.error(sha, "invalid " + ConfigFile.DEFAULT_NAME + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "run %s failed", run.id());
            return RunOutcome.error(sha, "meshgate failed: " + e.getMessage());
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

    private RunOutcome validate(Checkout checkout) throws IOException, ConfigFile.InvalidConfigException {
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
        Report report = new Validation().config(config).run(List.of(root));
        Summary summary = report.summary();
        return new RunOutcome(
                summary.passed() ? RunState.PASSED : RunState.FAILED,
                checkout.sha(),
                describe(summary),
                notes(checkout),
                json(report));
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
