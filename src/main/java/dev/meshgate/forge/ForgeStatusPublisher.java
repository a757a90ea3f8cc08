package dev.meshgate.forge;

import dev.meshgate.intake.Forge;
import dev.meshgate.intake.Revision;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Logs every status, and posts it to the revision's forge when meshgate has a token for that forge. Posting happens on
 * the outbox's thread: this never blocks and never throws.
 */
public final class ForgeStatusPublisher implements StatusPublisher, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ForgeStatusPublisher.class);
    private static final String ELLIPSIS = "…";

    private final Map<Forge, ForgeStatusApi> apis = new EnumMap<>(Forge.class);
    private final Map<String, ForgeCredentials> credentials;
    private final RestClients clients;
    private final StatusOutbox outbox;
    private final LoggingStatusPublisher log = new LoggingStatusPublisher();
    private final Set<String> toldNoToken = ConcurrentHashMap.newKeySet();

    ForgeStatusPublisher(Map<String, ForgeCredentials> credentials, RestClients clients, StatusOutbox outbox) {
        apis.put(Forge.GITHUB, new GitHubStatuses());
        apis.put(Forge.GITLAB, new GitLabStatuses());
        apis.put(Forge.GITEA, new GiteaStatuses(Forge.GITEA));
        apis.put(Forge.FORGEJO, new GiteaStatuses(Forge.FORGEJO));
        apis.put(Forge.BITBUCKET_CLOUD, new BitbucketStatuses(Forge.BITBUCKET_CLOUD));
        apis.put(Forge.BITBUCKET_SERVER, new BitbucketStatuses(Forge.BITBUCKET_SERVER));
        this.credentials = Map.copyOf(credentials);
        this.clients = clients;
        this.outbox = outbox;
    }

    @Override
    public void publish(Revision revision, CommitStatus status) {
        log.publish(revision, status);
        ForgeStatusApi api = apis.get(revision.forge());
        if (api == null) {
            return; // a run started by hand has no forge to tell
        }
        ForgeCredentials forge = credentials.getOrDefault(api.name(), ForgeCredentials.NONE);
        Optional<String> token;
        try {
            token = forge.readToken();
        } catch (UncheckedIOException e) {
            LOG.warnf("the status of %s is not posted: %s", revision.line(), e.getMessage());
            return;
        }
        if (token.isEmpty()) {
            if (toldNoToken.add(api.name())) {
                LOG.infof(
                        "no token for %s (meshgate.forges.%s.token or token-file): its statuses are only logged"
                                + " and shown on meshgate's pages",
                        api.name(), api.name());
            }
            return;
        }
        URI base = forge.apiUrl().map(URI::create).orElseGet(() -> api.defaultBase(revision));
        CommitStatus shortened = shorten(status, api.descriptionLimit());
        String label = api.name() + " " + revision.repository() + "@" + abbreviate(revision.sha()) + " ("
                + status.context() + ")";
        String key =
                api.name() + " " + base + " " + revision.repository() + " " + revision.sha() + " " + status.context();
        String secret = token.get();
        outbox.submit(
                new StatusPost(key, shortened, label, () -> api.post(clients, base, secret, revision, shortened)));
    }

    /** Cuts the description to the forge's limit, on a word boundary where there is one. */
    static CommitStatus shorten(CommitStatus status, int limit) {
        String description = status.description() == null ? "" : status.description();
        if (description.length() <= limit) {
            return status;
        }
        String cut = description.substring(0, limit - ELLIPSIS.length());
        int space = cut.lastIndexOf(' ');
        if (space > limit / 2) {
            cut = cut.substring(0, space);
        }
        return new CommitStatus(status.state(), cut + ELLIPSIS, status.targetUrl(), status.context());
    }

    private static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        outbox.close();
    }
}
