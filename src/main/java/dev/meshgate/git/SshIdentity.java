package dev.meshgate.git;

import dev.meshgate.revision.DestinationRefusedException;
import dev.meshgate.revision.OutboundPolicy;
import java.io.File;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.transport.SshConfigStore;
import org.eclipse.jgit.transport.SshConstants;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.ProxyData;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * The private key meshgate offers over SSH and the known_hosts file that alone decides which servers it trusts.
 * Nothing is read from the user's ~/.ssh: a service must behave the same on every machine.
 *
 * @param privateKey an OpenSSH or PEM private key without a passphrase (as mounted from a Kubernetes Secret)
 * @param knownHosts the servers' public keys; a server not listed, or with another key, is refused
 */
public record SshIdentity(Path privateKey, Path knownHosts) {

    /** Builds JGit's Apache MINA sshd transport for this identity; strict host-key checking, key only. */
    SshdSessionFactory sessionFactory(Path workDirectory, OutboundPolicy policy) {
        File home = workDirectory.toFile();
        return new SshdSessionFactoryBuilder()
                .setHomeDirectory(home)
                .setSshDirectory(home)
                .setPreferredAuthentications("publickey")
                .setDefaultIdentities(ignored -> List.of(privateKey))
                .setDefaultKnownHostsFiles(ignored -> List.of(knownHosts))
                // JGit resolves the server's address once, asks for a proxy with it, then connects to exactly it:
                // the check sees the address connected to, so a rebinding name cannot slip past it.
                .setProxyDataFactory(address -> refuseUnlessAllowed(policy, address))
                .setConfigStoreFactory((homeDir, configFile, localUser) -> new FixedConfig(settings()))
                .build(new JGitKeyCache());
    }

    private static ProxyData refuseUnlessAllowed(OutboundPolicy policy, InetSocketAddress address) {
        try {
            if (address.isUnresolved()) {
                throw new DestinationRefusedException(
                        "unreachable: the host " + address.getHostString() + " is unknown");
            }
            policy.checkAddress(address.getHostString(), address.getAddress());
            return null;
        } catch (DestinationRefusedException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, List<String>> settings() {
        Map<String, List<String>> options = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        options.put(SshConstants.STRICT_HOST_KEY_CHECKING, List.of(SshConstants.YES));
        options.put(SshConstants.USER_KNOWN_HOSTS_FILE, List.of(knownHosts.toString()));
        options.put(SshConstants.GLOBAL_KNOWN_HOSTS_FILE, List.of(knownHosts.toString()));
        options.put(SshConstants.IDENTITY_FILE, List.of(privateKey.toString()));
        options.put(SshConstants.IDENTITIES_ONLY, List.of(SshConstants.YES));
        options.put(SshConstants.BATCH_MODE, List.of(SshConstants.YES));
        return options;
    }

    /** The same settings for every host, in place of an ssh_config file. */
    private record FixedConfig(Map<String, List<String>> options) implements SshConfigStore, SshConfigStore.HostConfig {

        @Override
        public HostConfig lookup(String hostName, int port, String userName) {
            return this;
        }

        @Override
        public HostConfig lookupDefault(String hostName, int port, String userName) {
            return this;
        }

        @Override
        public String getValue(String key) {
            List<String> values = options.get(key);
            return values == null ? null : values.get(0);
        }

        @Override
        public List<String> getValues(String key) {
            return options.getOrDefault(key, List.of());
        }

        @Override
        public Map<String, String> getOptions() {
            Map<String, String> single = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            options.forEach((key, values) -> single.put(key, values.get(0)));
            return single;
        }

        @Override
        public Map<String, List<String>> getMultiValuedOptions() {
            return options;
        }
    }
}
