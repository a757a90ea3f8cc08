package dev.meshgate.revision;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;

/**
 * One commit to validate, the same whichever forge announced it.
 *
 * @param forge the forge that sent it (and that receives its statuses)
 * @param repository the repository as the forge's API names it: {@code owner/name} (GitHub, Gitea, Forgejo, Bitbucket
 *     Cloud workspace/slug), the numeric project id (GitLab; the source project of a merge request), or
 *     {@code PROJECT/slug} (Bitbucket Server)
 * @param cloneUrl the URL meshgate fetches from
 * @param webUrl the repository's web page, from which a forge's API base is derived when none is configured; may be null
 * @param sha the commit; 40 hex characters, except Bitbucket Cloud pull requests, which name a 12-character prefix
 * @param ref the full ref, e.g. {@code refs/heads/main}, or {@code refs/pull/7/head} for a change request
 * @param changeRequest the pull/merge request number, or null for a push
 * @param targetBranch the branch a change request merges into (for comparing with its merge base), or null
 */
@RegisterForReflection
public record Revision(
        Forge forge,
        String repository,
        String cloneUrl,
        String webUrl,
        String sha,
        String ref,
        Integer changeRequest,
        String targetBranch) {

    public Revision {
        Objects.requireNonNull(forge, "forge");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(cloneUrl, "cloneUrl");
        Objects.requireNonNull(sha, "sha");
    }

    /** A push (or a run by hand) of a commit on a ref. */
    public static Revision push(
            Forge forge, String repository, String cloneUrl, String webUrl, String sha, String ref) {
        return new Revision(forge, repository, cloneUrl, webUrl, sha, ref, null, null);
    }

    // Not a property of its own: serialized, it would clash with the changeRequest number.
    @JsonIgnore
    public boolean isChangeRequest() {
        return changeRequest != null;
    }

    /** What supersedes what: a newer revision of the same branch or change request replaces an older one. */
    public String line() {
        return forge + " " + repository + " " + (isChangeRequest() ? "#" + changeRequest : ref);
    }
}
