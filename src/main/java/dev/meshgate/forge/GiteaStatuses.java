package dev.meshgate.forge;

import dev.meshgate.forge.api.CommentBody;
import dev.meshgate.forge.api.GitHubCommentApi;
import dev.meshgate.forge.api.GiteaStatusApi;
import dev.meshgate.forge.api.StatusBody;
import dev.meshgate.revision.Forge;
import dev.meshgate.revision.Revision;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;

/** Statuses on Gitea and Forgejo, which share the API and its states. */
final class GiteaStatuses implements ForgeStatusApi {

    private static final int DESCRIPTION_LIMIT = 255;

    private final Forge forge;

    GiteaStatuses(Forge forge) {
        this.forge = forge;
    }

    @Override
    public String name() {
        return forge == Forge.FORGEJO ? "forgejo" : "gitea";
    }

    @Override
    public int descriptionLimit() {
        return DESCRIPTION_LIMIT;
    }

    @Override
    public URI defaultBase(Revision revision) {
        return URI.create(ForgeStatusApi.origin(revision) + "/api/v1");
    }

    @Override
    public Response comment(
            RestClients clients, URI base, String token, Revision revision, String marker, String body) {
        return issueComment(clients, base, "token " + token, revision, marker, body);
    }

    /** Pull request comments through the issue comment paths GitHub defined and Gitea and Forgejo share. */
    static Response issueComment(
            RestClients clients, URI base, String authorization, Revision revision, String marker, String body) {
        String[] repository = ForgeStatusApi.ownerAndName(revision);
        GitHubCommentApi api = clients.get(GitHubCommentApi.class, base);
        int number = revision.changeRequest();
        CommentBody text = new CommentBody(body);
        return CommentUpsert.upsert(
                () -> api.list(repository[0], repository[1], number, CommentUpsert.PAGE, authorization),
                marker,
                () -> api.create(repository[0], repository[1], number, authorization, text),
                id -> api.edit(repository[0], repository[1], id, authorization, text));
    }

    @Override
    public Response post(RestClients clients, URI base, String token, Revision revision, CommitStatus status) {
        String[] repository = ForgeStatusApi.ownerAndName(revision);
        return clients.get(GiteaStatusApi.class, base)
                .post(
                        repository[0],
                        repository[1],
                        revision.sha(),
                        "token " + token,
                        new StatusBody(
                                status.state().name().toLowerCase(Locale.ROOT),
                                status.targetUrl(),
                                status.description(),
                                status.context()));
    }
}
