package dev.meshgate.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshgate.config.MeshgateConfig;
import dev.meshgate.revision.Forge;
import dev.meshgate.revision.OutboundPolicy;
import dev.meshgate.revision.RunSubmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/** Wires the webhook intake from configuration: one adapter per forge, the secrets, and the run queue. */
@ApplicationScoped
public class WebhookIntakeProducer {

    private static final Logger LOG = Logger.getLogger(WebhookIntakeProducer.class);

    @Produces
    @Singleton
    WebhookIntake intake(MeshgateConfig config, RunSubmitter runs, ObjectMapper json, OutboundPolicy outbound) {
        MeshgateConfig.Webhooks webhooks = config.webhooks();
        Map<String, WebhookSecrets.Source> perRepository = new TreeMap<>();
        webhooks.repositories()
                .forEach((name, secret) -> perRepository.put(name, source(name, secret.secret(), secret.secretFile())));
        WebhookSecrets secrets =
                new WebhookSecrets(source("the default", webhooks.secret(), webhooks.secretFile()), perRepository);
        if (webhooks.allowUnsigned()) {
            LOG.warn("meshgate.webhooks.allow-unsigned=true: anyone who can reach /webhooks can start runs for"
                    + " repositories without a secret");
        }
        List<ForgeAdapter> adapters = List.of(
                new GitHubAdapter(),
                new GitLabAdapter(),
                new GiteaAdapter(Forge.GITEA),
                new GiteaAdapter(Forge.FORGEJO),
                new BitbucketCloudAdapter(),
                new BitbucketServerAdapter(webhooks.bitbucketServerUrl()));
        return new WebhookIntake(adapters, secrets, webhooks.allowUnsigned(), runs, json)
                .checkingUrlsWith(webhooks.allowedHosts()
                        .map(hosts -> OutboundPolicy.allowing(hosts)
                                .allowingHttp(config.git().allowHttp()))
                        .orElse(outbound));
    }

    private static WebhookSecrets.Source source(
            String name, java.util.Optional<String> value, java.util.Optional<java.nio.file.Path> file) {
        if (value.isPresent() && file.isPresent()) {
            throw new IllegalStateException(name + " webhook secret is given both inline and as a file; keep one");
        }
        return new WebhookSecrets.Source(value, file);
    }
}
