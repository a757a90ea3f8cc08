package dev.meshgate.runs;

import dev.meshgate.api.RunPageResource;
import dev.meshgate.git.GitAuthentication;
import dev.meshgate.git.MirrorCache;
import dev.meshgate.git.MirrorCacheSettings;
import dev.meshgate.golden.Golden;
import dev.meshgate.report.HtmlReportPage;
import dev.meshgate.revision.Forge;
import dev.meshgate.revision.Revision;
import dev.meshgate.testing.GitCommandLine;
import dev.meshgate.testing.LoopbackServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a run of the service leaves on every sample stays what it was: the status line, the notes, the stored record,
 * the report page and the summary comment, for a push and for a change request compared with its merge base.
 */
class RunOutputGoldenTest {

    private static final Instant ACCEPTED = Instant.parse("2026-01-02T03:04:05Z");
    private static final Instant FINISHED = Instant.parse("2026-01-02T03:04:09Z");

    @TempDir
    Path temp;

    static Stream<String> samples() throws Exception {
        return Golden.samples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void pushOutputsAreUnchanged(String sample) throws Exception {
        Path repository = SampleRepository.create(temp.resolve("repo"), sample);
        String sha = new GitCommandLine(repository).run("rev-parse", "HEAD").trim();

        Run run = validated(
                Revision.push(Forge.GITHUB, "acme/mesh", repository.toString(), null, sha, "refs/heads/main"));

        Golden.assertMatches("runs/" + sample + ".txt", outputs(run, repository));
    }

    @Test
    void changeRequestOutputsAreUnchanged() throws Exception {
        Path repository = SampleRepository.create(temp.resolve("repo"), "broken/host-not-found");
        GitCommandLine git = new GitCommandLine(repository);
        git.run("checkout", "-q", "-b", "feature");
        SampleRepository.copyManifests("broken/subset-not-found", repository.resolve("more"));
        Files.writeString(repository.resolve("routing.yaml"), "\n", java.nio.file.StandardOpenOption.APPEND);
        git.run("add", "-A");
        git.run("commit", "-q", "-m", "more");
        String sha = git.run("rev-parse", "HEAD").trim();

        Run run = validated(new Revision(
                Forge.GITHUB, "acme/mesh", repository.toString(), null, sha, "refs/heads/feature", 7, "main"));

        Golden.assertMatches("runs/change-request.txt", outputs(run, repository));
    }

    private Run validated(Revision revision) {
        MirrorCache mirrors = new MirrorCache(
                MirrorCacheSettings.defaults(temp.resolve("data")).withOutbound(LoopbackServers.policy()),
                GitAuthentication.anonymous());
        RunWorker worker = new RunWorker(mirrors, temp.resolve("data/work"), true);
        Run run = Run.accepted("run-1", revision, "delivery-1", ACCEPTED).started(ACCEPTED);
        return run.finished(worker.run(run), FINISHED);
    }

    /** Everything the run shows, with the commit ids and the temporary folder made stable. */
    private static String outputs(Run run, Path repository) throws Exception {
        String page = new HtmlReportPage().render(RunPageResource.header(run), run.report());
        String text = "state " + run.state() + "\n--- description\n" + run.description() + "\n--- notes\n"
                + String.join("\n", run.notes()) + "\n--- record\n"
                + RunRecordJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(run) + "\n--- page\n"
                + page
                + "--- comment\n" + SummaryComment.markdown(run, "http://meshgate.example/runs/run-1");
        return text.replace(repository.toString(), "<repository>")
                .replaceAll("[0-9a-f]{40}", "<sha>")
                .replaceAll("`[0-9a-f]{12}`", "`<sha12>`")
                .replaceAll("meshgate run [0-9a-f]{7}", "meshgate run <sha7>");
    }
}
