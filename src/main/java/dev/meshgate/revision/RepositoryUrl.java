package dev.meshgate.revision;

import java.net.URISyntaxException;
import java.util.Locale;
import org.eclipse.jgit.transport.URIish;

/**
 * A repository URL as users write it (https, ssh, scp-like {@code git@host:path}, git, file), with the credentials
 * some of them carry kept out of everything that is shown or stored.
 */
public final class RepositoryUrl {

    /** git's {@code transport::address}, which runs a helper program ({@code ext::sh -c ...}, {@code fd::3}). */
    private static final java.util.regex.Pattern TRANSPORT_HELPER =
            java.util.regex.Pattern.compile("^[A-Za-z0-9][A-Za-z0-9+.-]*::.*", java.util.regex.Pattern.DOTALL);

    private final String text;
    private final URIish uri;

    private RepositoryUrl(String text, URIish uri) {
        this.text = text;
        this.uri = uri;
    }

    /** Parses a URL, refusing what JGit could not fetch from. */
    public static RepositoryUrl parse(String text) throws InvalidRepositoryUrlException {
        if (text == null || text.isBlank()) {
            throw new InvalidRepositoryUrlException("no repository URL was given");
        }
        if (TRANSPORT_HELPER.matcher(text.strip()).matches()) {
            throw new InvalidRepositoryUrlException(
                    "transport-helper syntax (name::address) is not a server URL; use https, ssh or git");
        }
        try {
            return new RepositoryUrl(text.strip(), new URIish(text.strip()));
        } catch (URISyntaxException e) {
            // The parser's message quotes the URL, which may hold a token: say only what is wrong.
            throw new InvalidRepositoryUrlException("the repository URL is not a URL JGit can fetch");
        }
    }

    /** The URL exactly as given, for JGit only: it may contain a password. */
    public String forTransport() {
        return text;
    }

    /**
     * This URL with its host replaced by the address it was checked at, for transports that resolve names
     * themselves: the connection then goes where the check looked. For URLs without credentials only.
     */
    public String pinnedTo(java.net.InetAddress address) {
        String literal = address.getHostAddress();
        return uri.setHost(address instanceof java.net.Inet6Address ? "[" + literal + "]" : literal)
                .toString();
    }

    /** The host name in lower case, or an empty string for local repositories. */
    public String host() {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }

    /** The scheme in lower case ({@code https}, {@code ssh}, ...), or an empty string for scp-like URLs and paths. */
    public String scheme() {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    /** Whether the URL names a user ({@code git@host:path}, {@code ssh://git@host/path}). */
    public boolean hasUser() {
        return uri.getUser() != null && !uri.getUser().isEmpty();
    }

    /**
     * The repository's path on its server as forges name repositories: no leading or trailing slash, no {@code .git},
     * lower case ({@code acme/mesh} for {@code https://github.com/acme/mesh.git}); a query stays part of it.
     */
    public String repositoryPath() {
        return comparable(uri.getPath() == null ? "" : uri.getPath()).replaceAll("^/+", "");
    }

    /** Whether both name the same repository on the same host, whatever the scheme, user or port. */
    public boolean isSameRepositoryAs(RepositoryUrl other) {
        return host().equals(other.host()) && repositoryPath().equals(other.repositoryPath());
    }

    /** True for ssh:// and scp-like URLs, which authenticate with keys rather than tokens. */
    public boolean isSsh() {
        String scheme = uri.getScheme();
        if (scheme == null) {
            return uri.getHost() != null;
        }
        return scheme.equals("ssh") || scheme.equals("git+ssh") || scheme.equals("ssh+git");
    }

    /** True for a repository on this machine: a path, or a {@code file:} URL. */
    public boolean isLocal() {
        return scheme().equals("file") || (scheme().isEmpty() && uri.getHost() == null);
    }

    /** True for URLs of a server (http, https, ssh, git, scp-like), false for local paths and file URLs. */
    public boolean isNetwork() {
        String scheme = uri.getScheme();
        if (scheme == null) {
            return uri.getHost() != null;
        }
        return java.util.Set.of("http", "https", "ssh", "git", "git+ssh", "ssh+git")
                .contains(scheme.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether two names of a repository are the same one, as Argo CD compares them: case, a trailing slash and
     * {@code .git} do not matter ({@code https://github.com/acme/mesh} is {@code https://github.com/acme/mesh.git}).
     */
    public static boolean sameRepository(String a, String b) {
        return a != null && b != null && comparable(a).equals(comparable(b));
    }

    /** Whether a URL as some file declares it (an Argo CD Application's repoURL) names this repository. */
    public boolean isSameRepositoryAs(String declared) {
        return sameRepository(text, declared);
    }

    private static String comparable(String url) {
        String text = url.strip().toLowerCase(Locale.ROOT);
        text = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        return text.endsWith(".git") ? text.substring(0, text.length() - 4) : text;
    }

    /** True when the URL holds a password, or a user name that over http(s) is usually a token. */
    public boolean hasCredentials() {
        boolean password = uri.getPass() != null && !uri.getPass().isEmpty();
        boolean tokenAsUser =
                !isSsh() && uri.getUser() != null && !uri.getUser().isEmpty();
        return password || tokenAsUser;
    }

    /**
     * The URL without a password, and without the user name of http(s) URLs (often a token); safe for logs, errors
     * and run records. It also names the repository in the cache, so rotating a token does not clone again.
     */
    public String redacted() {
        URIish safe = uri.setPass(null);
        if (!isSsh()) {
            safe = safe.setUser(null);
        }
        return safe.toString();
    }

    /** Removes the URL's secrets from a text that may quote it (JGit's messages often do). */
    public String scrub(String message) {
        if (message == null) {
            return "";
        }
        String clean = message.replace(text, redacted());
        if (uri.getPass() != null && !uri.getPass().isEmpty()) {
            clean = clean.replace(uri.getPass(), "***");
        }
        if (!isSsh() && uri.getUser() != null && !uri.getUser().isEmpty()) {
            clean = clean.replace(uri.getUser(), "***");
        }
        return clean;
    }

    @Override
    public String toString() {
        return redacted();
    }
}
