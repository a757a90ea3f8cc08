package dev.meshgate.git;

import dev.meshgate.revision.RepositoryUrl;
import java.util.List;

/**
 * What to check out: one commit of one repository.
 *
 * @param url where the repository lives
 * @param sha the full commit id
 * @param ref the ref the commit was announced on (a branch, a pull-request head), or null; it lets a commit that was
 *     force-pushed away be told from one that never existed
 * @param paths folders or files to export, relative to the root; empty for the whole tree
 */
public record CheckoutRequest(RepositoryUrl url, String sha, String ref, List<String> paths) {

    public CheckoutRequest {
        paths = List.copyOf(paths);
    }

    public static CheckoutRequest of(RepositoryUrl url, String sha) {
        return new CheckoutRequest(url, sha, null, List.of());
    }

    public CheckoutRequest onRef(String announcedRef) {
        return new CheckoutRequest(url, sha, announcedRef, paths);
    }

    public CheckoutRequest onlyPaths(List<String> wanted) {
        return new CheckoutRequest(url, sha, ref, wanted);
    }
}
