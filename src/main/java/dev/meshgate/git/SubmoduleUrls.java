package dev.meshgate.git;

import dev.meshgate.revision.InvalidRepositoryUrlException;
import dev.meshgate.revision.RepositoryUrl;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads where a commit's submodules come from (its .gitmodules). URLs come from untrusted content, so only network
 * schemes are accepted: a submodule must never make meshgate read a repository on its own disk.
 */
final class SubmoduleUrls {

    private static final Set<String> NETWORK_SCHEMES = Set.of("http", "https", "ssh", "git");

    private SubmoduleUrls() {}

    /** Submodule path → absolute URL; paths whose URL is missing or refused are left out. */
    static Map<String, RepositoryUrl> of(Repository repository, ObjectId commit, RepositoryUrl parent)
            throws IOException {
        Map<String, RepositoryUrl> urls = new HashMap<>();
        Config modules = read(repository, commit);
        for (String name : modules.getSubsections("submodule")) {
            String path = modules.getString("submodule", name, "path");
            String url = modules.getString("submodule", name, "url");
            if (path == null || url == null) {
                continue;
            }
            String absolute = url.startsWith("./") || url.startsWith("../") ? resolve(parent, url) : url;
            if (isNetwork(absolute)) {
                try {
                    urls.put(path, RepositoryUrl.parse(absolute));
                } catch (InvalidRepositoryUrlException e) {
                    // An unparsable URL leaves the submodule out, like a refused one.
                }
            }
        }
        return urls;
    }

    private static Config read(Repository repository, ObjectId commit) throws IOException {
        Config config = new Config();
        try (RevWalk revWalk = new RevWalk(repository);
                TreeWalk walk = TreeWalk.forPath(
                        repository, ".gitmodules", revWalk.parseCommit(commit).getTree())) {
            if (walk != null) {
                config.fromText(new String(repository.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        } catch (ConfigInvalidException e) {
            // A broken .gitmodules names no submodule.
        }
        return config;
    }

    /** Git resolves a relative submodule URL against the parent's URL taken as a folder. */
    static String resolve(RepositoryUrl parent, String relative) {
        String base = parent.forTransport().replaceAll("/+$", "");
        String rest = relative;
        while (true) {
            if (rest.startsWith("./")) {
                rest = rest.substring(2);
            } else if (rest.startsWith("../")) {
                rest = rest.substring(3);
                int slash = base.lastIndexOf('/');
                base = slash > base.indexOf("//") + 1 ? base.substring(0, slash) : base;
            } else {
                break;
            }
        }
        return base + "/" + rest;
    }

    private static boolean isNetwork(String url) {
        try {
            URIish uri = new URIish(url);
            String scheme = uri.getScheme();
            if (scheme == null) {
                // scp-like user@host:path is SSH; a bare path is local.
                return uri.getHost() != null;
            }
            return NETWORK_SCHEMES.contains(scheme);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
