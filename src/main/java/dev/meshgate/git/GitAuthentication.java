package dev.meshgate.git;

import dev.meshgate.revision.OutboundPolicy;
import dev.meshgate.revision.RepositoryUrl;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;

/**
 * Decides how a fetch authenticates (a token for the URL's host over HTTPS, the configured key over SSH) and puts
 * the outbound policy's address checks into the transport.
 */
public final class GitAuthentication {

    private final Map<String, HostCredentials> tokensByHost;
    private final Optional<SshIdentity> sshIdentity;
    private final Path workDirectory;
    private final OutboundPolicy policy;
    private final SshdSessionFactory ssh;
    private final PolicedHttpConnections http;

    /**
     * @param tokensByHost credentials per host name (lower case)
     * @param sshIdentity the key and known_hosts for SSH URLs, if any
     * @param workDirectory a private folder for the SSH transport's state
     */
    public GitAuthentication(
            Map<String, HostCredentials> tokensByHost, Optional<SshIdentity> sshIdentity, Path workDirectory) {
        this(tokensByHost, sshIdentity, workDirectory, OutboundPolicy.allowing(List.of()));
    }

    private GitAuthentication(
            Map<String, HostCredentials> tokensByHost,
            Optional<SshIdentity> sshIdentity,
            Path workDirectory,
            OutboundPolicy policy) {
        this.tokensByHost = Map.copyOf(tokensByHost);
        this.sshIdentity = sshIdentity;
        this.workDirectory = workDirectory;
        this.policy = policy;
        this.ssh = sshIdentity
                .map(identity -> identity.sessionFactory(workDirectory, policy))
                .orElse(null);
        this.http = new PolicedHttpConnections(policy);
    }

    /** Anonymous access only: public repositories and local ones. */
    public static GitAuthentication anonymous() {
        return new GitAuthentication(Map.of(), Optional.empty(), Path.of("."));
    }

    /** The same credentials, with connections checked by this policy. */
    GitAuthentication guardedBy(OutboundPolicy outbound) {
        return new GitAuthentication(tokensByHost, sshIdentity, workDirectory, outbound);
    }

    OutboundPolicy policy() {
        return policy;
    }

    void configure(TransportCommand<?, ?> command, RepositoryUrl url) throws GitException {
        if (url.isSsh() && ssh == null) {
            throw new GitException(
                    GitException.Reason.AUTHENTICATION_REFUSED,
                    url.redacted() + " is an SSH URL, but no SSH private key and known_hosts file are configured",
                    null);
        }
        command.setTransportConfigCallback(transport -> {
            if (transport instanceof SshTransport sshTransport && ssh != null) {
                sshTransport.setSshSessionFactory(ssh);
            }
            if (transport instanceof TransportHttp httpTransport) {
                httpTransport.setHttpConnectionFactory(http);
            }
        });
        if (url.isSsh()) {
            return;
        }
        HostCredentials credentials = tokensByHost.get(url.host());
        if (credentials != null) {
            command.setCredentialsProvider(credentials.provider(url.host()));
        }
    }
}
