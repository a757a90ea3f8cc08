package dev.meshgate.forge;

import dev.meshgate.forge.api.BitbucketCloudStatusApi;
import dev.meshgate.forge.api.BitbucketCommentApi;
import dev.meshgate.forge.api.BitbucketServerCommentApi;
import dev.meshgate.forge.api.BitbucketServerStatusApi;
import dev.meshgate.forge.api.BuildStatusBody;
import dev.meshgate.forge.api.ForgeComment;
import dev.meshgate.revision.Forge;
import dev.meshgate.revision.Revision;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Build statuses on Bitbucket Cloud or Bitbucket Server / Data Center, which share their states and fields. */
final class BitbucketStatuses implements ForgeStatusApi {

    private static final int DESCRIPTION_LIMIT = 255;
    // Bitbucket Cloud refuses keys longer than 40 characters.
    private static final int KEY_LIMIT = 40;

    private final Forge forge;

    BitbucketStatuses(Forge forge) {
        if (forge != Forge.BITBUCKET_CLOUD && forge != Forge.BITBUCKET_SERVER) {
            throw new IllegalArgumentException("not Bitbucket: " + forge);
        }
        this.forge = forge;
    }

    @Override
    public String name() {
        return forge == Forge.BITBUCKET_CLOUD ? "bitbucket" : "bitbucket-server";
    }

    @Override
    public int descriptionLimit() {
        return DESCRIPTION_LIMIT;
    }

    @Override
    public URI defaultBase(Revision revision) {
        return URI.create(
                forge == Forge.BITBUCKET_CLOUD ? "https://api.bitbucket.org" : ForgeStatusApi.origin(revision));
    }

    @Override
    public Response post(RestClients clients, URI base, String token, Revision revision, CommitStatus status) {
        String[] repository = ForgeStatusApi.ownerAndName(revision);
        String key =
                status.context().length() > KEY_LIMIT ? status.context().substring(0, KEY_LIMIT) : status.context();
        boolean cloud = forge == Forge.BITBUCKET_CLOUD;
        // The one body serves both editions: Cloud names the branch (refname), Server the full ref (ref).
        BuildStatusBody body = new BuildStatusBody(
                key,
                state(status.state()),
                status.context(),
                status.targetUrl(),
                status.description(),
                cloud ? ForgeStatusApi.branch(revision) : null,
                cloud ? null : revision.ref());
        return cloud
                ? clients.get(BitbucketCloudStatusApi.class, base)
                        .post(repository[0], repository[1], revision.sha(), authorization(token), body)
                : clients.get(BitbucketServerStatusApi.class, base)
                        .post(repository[0], repository[1], revision.sha(), authorization(token), body);
    }

    @Override
    public Response comment(
            RestClients clients, URI base, String token, Revision revision, String marker, String body) {
        String[] repository = ForgeStatusApi.ownerAndName(revision);
        return forge == Forge.BITBUCKET_CLOUD
                ? cloudComment(
                        clients.get(BitbucketCommentApi.class, base),
                        repository,
                        authorization(token),
                        revision,
                        marker,
                        body)
                : serverComment(
                        clients.get(BitbucketServerCommentApi.class, base),
                        repository,
                        authorization(token),
                        revision,
                        marker,
                        body);
    }

    private static Response cloudComment(
            BitbucketCommentApi api,
            String[] repository,
            String authorization,
            Revision revision,
            String marker,
            String body) {
        int number = revision.changeRequest();
        BitbucketCommentApi.Comment text = new BitbucketCommentApi.Comment(null, new BitbucketCommentApi.Content(body));
        return CommentUpsert.upsert(
                () ->
                        api
                                .list(repository[0], repository[1], number, CommentUpsert.PAGE, authorization)
                                .values()
                                .stream()
                                .map(comment -> new ForgeComment(
                                        comment.id(),
                                        comment.content() == null
                                                ? null
                                                : comment.content().raw()))
                                .toList(),
                marker,
                () -> api.create(repository[0], repository[1], number, authorization, text),
                id -> api.edit(repository[0], repository[1], number, id, authorization, text));
    }

    /** The server refuses an edit without the comment's current version, so the listing keeps it. */
    private static Response serverComment(
            BitbucketServerCommentApi api,
            String[] repository,
            String authorization,
            Revision revision,
            String marker,
            String body) {
        int number = revision.changeRequest();
        java.util.Map<Long, Integer> versions = new java.util.HashMap<>();
        return CommentUpsert.upsert(
                () ->
                        api
                                .activities(repository[0], repository[1], number, CommentUpsert.PAGE, authorization)
                                .values()
                                .stream()
                                .filter(activity -> "COMMENTED".equals(activity.action()) && activity.comment() != null)
                                .map(activity -> {
                                    versions.put(
                                            activity.comment().id(),
                                            activity.comment().version());
                                    return new ForgeComment(
                                            activity.comment().id(),
                                            activity.comment().text());
                                })
                                .toList(),
                marker,
                () -> api.create(
                        repository[0],
                        repository[1],
                        number,
                        authorization,
                        new BitbucketServerCommentApi.Comment(null, body, null)),
                id -> api.edit(
                        repository[0],
                        repository[1],
                        number,
                        id,
                        authorization,
                        new BitbucketServerCommentApi.Comment(null, body, versions.get(id))));
    }

    /** An access token is sent as a bearer token; {@code user:app-password} as basic authentication. */
    private static String authorization(String token) {
        return token.contains(":")
                ? "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8))
                : "Bearer " + token;
    }

    private static String state(CommitStatus.State state) {
        return switch (state) {
            case PENDING -> "INPROGRESS";
            case SUCCESS -> "SUCCESSFUL";
            case FAILURE, ERROR -> "FAILED";
        };
    }
}
