package dev.meshgate.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The token meshgate sends to one HTTPS host, given inline or as a file (a mounted Kubernetes Secret).
 *
 * @param username the user name that goes with the token; forges differ, see the README
 * @param token the token itself, or null when it lives in a file
 * @param tokenFile a file holding the token, read at every use so that a rotated Secret takes effect; or null
 */
public record HostCredentials(String username, String token, Path tokenFile) {

    /** The name GitHub expects with installation and personal tokens; GitLab and Gitea accept any non-blank name. */
    public static final String DEFAULT_USERNAME = "x-access-token";

    public HostCredentials {
        username = username == null || username.isBlank() ? DEFAULT_USERNAME : username;
    }

    CredentialsProvider provider(String host) throws GitException {
        return new UsernamePasswordCredentialsProvider(username, secret(host));
    }

    private String secret(String host) throws GitException {
        if (token != null && !token.isBlank()) {
            return token.strip();
        }
        if (tokenFile == null) {
            throw new GitException(
                    GitException.Reason.AUTHENTICATION_REFUSED,
                    "the credentials for " + host + " name neither a token nor a token file",
                    null);
        }
        try {
            return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new GitException(
                    GitException.Reason.AUTHENTICATION_REFUSED,
                    "the token file for " + host + " (" + tokenFile + ") cannot be read",
                    null);
        }
    }
}
