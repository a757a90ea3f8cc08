package dev.meshgate.forge;

import dev.meshgate.forge.api.GitHubStatusApi;
import dev.meshgate.forge.api.StatusBody;
import dev.meshgate.revision.Revision;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;

/** Statuses on GitHub and GitHub Enterprise Server. */
final class GitHubStatuses implements ForgeStatusApi {

    // GitHub answers 422 to a longer description.
    private static final int DESCRIPTION_LIMIT = 140;

    @Override
    public String name() {
        return "github";
    }

    @Override
    public int descriptionLimit() {
        return DESCRIPTION_LIMIT;
    }

    @Override
    public URI defaultBase(Revision revision) {
        String origin = ForgeStatusApi.origin(revision);
        return URI.create(origin.endsWith("://github.com") ? "https://api.github.com" : origin + "/api/v3");
    }

    @Override
    public Response comment(
            RestClients clients, URI base, String token, Revision revision, String marker, String body) {
        return GiteaStatuses.issueComment(clients, base, "Bearer " + token, revision, marker, body);
    }

    @Override
    public Response post(RestClients clients, URI base, String token, Revision revision, CommitStatus status) {
        String[] repository = ForgeStatusApi.ownerAndName(revision);
        return clients.get(GitHubStatusApi.class, base)
                .post(
                        repository[0],
                        repository[1],
                        revision.sha(),
                        "Bearer " + token,
                        "2022-11-28",
                        new StatusBody(
                                status.state().name().toLowerCase(Locale.ROOT),
                                status.targetUrl(),
                                status.description(),
                                status.context()));
    }
}
