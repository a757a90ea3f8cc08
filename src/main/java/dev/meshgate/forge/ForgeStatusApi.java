package dev.meshgate.forge;

import dev.meshgate.revision.Revision;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;

/** One forge's commit status API: where it lives by default, how long a description may be, and how to post. */
interface ForgeStatusApi {

    /** The name of the forge's settings, {@code meshgate.forges.<name>}, the same as its webhook path. */
    String name();

    int descriptionLimit();

    /** The API root for a repository when none is configured, derived from its web or clone URL. */
    URI defaultBase(Revision revision);

    /** Posts one status; the response tells whether it landed, may be retried, or must wait for a rate limit. */
    Response post(RestClients clients, URI base, String token, Revision revision, CommitStatus status);

    /**
     * Creates meshgate's comment on the revision's change request, or edits the one carrying the marker.
     *
     * @param marker a hidden line that tells meshgate's comment from everyone else's
     */
    Response comment(RestClients clients, URI base, String token, Revision revision, String marker, String body);

    /** The scheme and authority of the repository's web page (else its clone URL), e.g. {@code https://git.acme.io}. */
    static String origin(Revision revision) {
        URI uri = URI.create(revision.webUrl() != null ? revision.webUrl() : revision.cloneUrl());
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
    }

    /** {@code owner/name} split in two; a forge whose repositories are not named so cannot take the status. */
    static String[] ownerAndName(Revision revision) {
        int slash = revision.repository().indexOf('/');
        if (slash <= 0 || slash == revision.repository().length() - 1) {
            throw new IllegalArgumentException("the repository " + revision.repository() + " is not owner/name");
        }
        return new String[] {
            revision.repository().substring(0, slash), revision.repository().substring(slash + 1)
        };
    }

    /** A branch's short name from a full ref, or null when the ref is not a branch. */
    static String branch(Revision revision) {
        String ref = revision.ref();
        return ref != null && ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : null;
    }
}
