package dev.meshgate.git;

import dev.meshgate.config.MeshgateConfig;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The hosts meshgate may fetch from when {@code meshgate.git.allowed-hosts} is not set: those of the configured
 * forges (their API's host, and the web host of api.github.com and api.bitbucket.org), of the git credentials, of
 * Bitbucket Server and of {@code meshgate.webhooks.allowed-hosts}. Nothing configured, nothing remote.
 */
final class DefaultAllowedHosts {

    private DefaultAllowedHosts() {}

    static List<String> of(MeshgateConfig config) {
        Set<String> hosts = new LinkedHashSet<>();
        config.git().hosts().keySet().forEach(host -> hosts.add(host.toLowerCase(Locale.ROOT)));
        config.forges().forEach((forge, api) -> {
            Optional<String> host = api.apiUrl().flatMap(DefaultAllowedHosts::host);
            host.ifPresent(hosts::add);
            switch (forge) {
                case "github" -> hosts.add(
                        host.filter(h -> !h.equals("api.github.com")).orElse("github.com"));
                case "bitbucket" -> hosts.add(
                        host.filter(h -> !h.equals("api.bitbucket.org")).orElse("bitbucket.org"));
                default -> {}
            }
        });
        config.webhooks()
                .bitbucketServerUrl()
                .flatMap(DefaultAllowedHosts::host)
                .ifPresent(hosts::add);
        config.webhooks().allowedHosts().ifPresent(list -> list.forEach(host -> hosts.add(host.strip())));
        return List.copyOf(hosts);
    }

    private static Optional<String> host(String url) {
        try {
            return Optional.ofNullable(URI.create(url.strip()).getHost()).map(h -> h.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
