package dev.meshgate.git;

import dev.meshgate.config.MeshgateConfig;
import dev.meshgate.revision.OutboundPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds the service's one mirror cache from its configuration, refusing settings that cannot work. */
@ApplicationScoped
public class MirrorCacheProducer {

    @Produces
    @Singleton
    MirrorCache mirrorCache(MeshgateConfig config, OutboundPolicy outbound, MirrorObserver observer) {
        return new MirrorCache(settings(config).withOutbound(outbound), authentication(config)).observedBy(observer);
    }

    /** Where fetches, pushes, webhooks and the API may point meshgate: see {@link DefaultAllowedHosts}. */
    @Produces
    @Singleton
    OutboundPolicy outboundPolicy(MeshgateConfig config) {
        return outbound(config);
    }

    static OutboundPolicy outbound(MeshgateConfig config) {
        List<String> hosts = config.git().allowedHosts().orElseGet(() -> DefaultAllowedHosts.of(config));
        return OutboundPolicy.allowing(hosts).allowingHttp(config.git().allowHttp());
    }

    static MirrorCacheSettings settings(MeshgateConfig config) {
        MeshgateConfig.Git git = config.git();
        CheckoutLimits limits = new CheckoutLimits(
                git.maxFileSize().asLongValue(),
                git.maxCheckoutSize().asLongValue(),
                git.maxRepositorySize().asLongValue(),
                git.fetchTimeout());
        return MirrorCacheSettings.defaults(config.dataDir())
                .withLimits(limits)
                .withDiskBudget(git.diskBudget().asLongValue())
                .withSubmodules(git.submodules());
    }

    static GitAuthentication authentication(MeshgateConfig config) {
        Map<String, HostCredentials> tokens = new HashMap<>();
        config.git().hosts().forEach((host, token) -> {
            if (token.token().isEmpty() && token.tokenFile().isEmpty()) {
                throw new IllegalArgumentException("meshgate.git.hosts.\"" + host + "\" needs a token or a token-file");
            }
            tokens.put(
                    host.toLowerCase(Locale.ROOT),
                    new HostCredentials(
                            token.username().orElse(null),
                            token.token().orElse(null),
                            token.tokenFile().orElse(null)));
        });
        return new GitAuthentication(
                tokens, sshIdentity(config.git().ssh()), config.dataDir().resolve("ssh"));
    }

    private static Optional<SshIdentity> sshIdentity(MeshgateConfig.Ssh ssh) {
        Optional<Path> key = ssh.privateKeyFile();
        Optional<Path> knownHosts = ssh.knownHostsFile();
        if (key.isPresent() != knownHosts.isPresent()) {
            throw new IllegalArgumentException("meshgate.git.ssh needs both private-key-file and known-hosts-file: "
                    + "without known hosts no server can be trusted");
        }
        return key.map(privateKey -> new SshIdentity(privateKey, knownHosts.get()));
    }
}
