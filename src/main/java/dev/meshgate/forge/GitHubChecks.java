package dev.meshgate.forge;

import dev.meshgate.analysis.Finding;
import dev.meshgate.forge.api.GitHubCheckRunApi;
import dev.meshgate.forge.api.GitHubCheckRunApi.Annotation;
import dev.meshgate.forge.api.GitHubCheckRunApi.CheckRun;
import dev.meshgate.forge.api.GitHubCheckRunApi.Output;
import dev.meshgate.report.Report;
import dev.meshgate.revision.Revision;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A completed GitHub check run for a verdict, with one annotation per finding at its file and line: the first 50 with
 * the run, the rest in further updates of 50, as the Checks API takes them.
 */
final class GitHubChecks {

    private static final int ANNOTATIONS_PER_REQUEST = 50;
    private static final int MAX_SUMMARY = 65_000;
    private static final String API_VERSION = "2022-11-28";

    private GitHubChecks() {}

    static Response post(
            RestClients clients, URI base, String token, Revision revision, CommitStatus verdict, Report report) {
        String[] repository = ForgeStatusApi.ownerAndName(revision);
        GitHubCheckRunApi api = clients.get(GitHubCheckRunApi.class, base);
        List<Annotation> annotations = annotations(report);
        String authorization = "Bearer " + token;
        String title = verdict.description();
        String summary = summary(verdict, annotations.size());
        List<Annotation> first = annotations.subList(0, Math.min(ANNOTATIONS_PER_REQUEST, annotations.size()));
        GitHubCheckRunApi.Created created = api.create(
                repository[0],
                repository[1],
                authorization,
                API_VERSION,
                new CheckRun(
                        verdict.context(),
                        revision.sha(),
                        "completed",
                        conclusion(verdict.state()),
                        verdict.targetUrl(),
                        new Output(title, summary, first)));
        Response last = Response.ok().build();
        for (int from = ANNOTATIONS_PER_REQUEST; from < annotations.size(); from += ANNOTATIONS_PER_REQUEST) {
            List<Annotation> batch =
                    annotations.subList(from, Math.min(from + ANNOTATIONS_PER_REQUEST, annotations.size()));
            last = api.update(
                    repository[0],
                    repository[1],
                    created.id(),
                    authorization,
                    API_VERSION,
                    new CheckRun(null, null, null, null, null, new Output(title, summary, batch)));
        }
        return last;
    }

    static List<Annotation> annotations(Report report) {
        List<Annotation> annotations = new ArrayList<>();
        if (report == null) {
            return annotations;
        }
        for (Finding finding : report.findings()) {
            // GitHub needs a line; a finding on a whole file (a template, a render failure) goes on its first.
            int line = Math.max(1, finding.origin().line());
            String level =
                    switch (finding.severity()) {
                        case ERROR -> "failure";
                        case WARNING -> "warning";
                        case INFO -> "notice";
                    };
            String application = finding.application() != null ? " (" + finding.application() + ")" : "";
            annotations.add(new Annotation(
                    finding.origin().file(),
                    line,
                    line,
                    level,
                    finding.code() + " " + finding.message().title() + application,
                    finding.text()));
        }
        return annotations;
    }

    private static String summary(CommitStatus verdict, int findings) {
        String text = "**" + verdict.description() + "**\n\n" + findings + " finding" + (findings == 1 ? "" : "s")
                + " annotated on the changed files. The full report: " + verdict.targetUrl();
        return text.length() > MAX_SUMMARY ? text.substring(0, MAX_SUMMARY) : text;
    }

    private static String conclusion(CommitStatus.State state) {
        return switch (state) {
            case SUCCESS -> "success";
            case FAILURE -> "failure";
            case ERROR, PENDING -> "neutral";
        };
    }
}
