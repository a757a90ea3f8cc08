package dev.meshgate.forge;

import dev.meshgate.forge.api.CommentBody;
import dev.meshgate.forge.api.GitLabNoteApi;
import dev.meshgate.forge.api.GitLabStatusApi;
import dev.meshgate.forge.api.GitLabStatusBody;
import dev.meshgate.revision.Revision;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Statuses on GitLab; for a merge request they go to its source project, which the revision names. */
final class GitLabStatuses implements ForgeStatusApi {

    private static final int DESCRIPTION_LIMIT = 255;

    @Override
    public String name() {
        return "gitlab";
    }

    @Override
    public int descriptionLimit() {
        return DESCRIPTION_LIMIT;
    }

    @Override
    public URI defaultBase(Revision revision) {
        return URI.create(ForgeStatusApi.origin(revision) + "/api/v4");
    }

    @Override
    public Response comment(
            RestClients clients, URI base, String token, Revision revision, String marker, String body) {
        GitLabNoteApi api = clients.get(GitLabNoteApi.class, base);
        int iid = revision.changeRequest();
        CommentBody text = new CommentBody(body);
        return CommentUpsert.upsert(
                () -> api.list(revision.repository(), iid, CommentUpsert.PAGE, token),
                marker,
                () -> api.create(revision.repository(), iid, token, text),
                id -> api.edit(revision.repository(), iid, id, token, text));
    }

    @Override
    public Response post(RestClients clients, URI base, String token, Revision revision, CommitStatus status) {
        return clients.get(GitLabStatusApi.class, base)
                .post(
                        revision.repository(),
                        revision.sha(),
                        token,
                        new GitLabStatusBody(
                                state(status.state()),
                                status.context(),
                                ForgeStatusApi.branch(revision),
                                status.targetUrl(),
                                status.description()));
    }

    private static String state(CommitStatus.State state) {
        return switch (state) {
            case PENDING -> "pending";
            case SUCCESS -> "success";
                // GitLab has no separate error state.
            case FAILURE, ERROR -> "failed";
        };
    }
}
