package dev.meshgate.forge;

import dev.meshgate.revision.Forge;
import dev.meshgate.revision.Revision;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
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

    private final Optional<GitHubApp> gitHubApp;

    ForgeStatusPublisher(
            Map<String, ForgeCredentials> credentials,
            Optional<GitHubApp> gitHubApp,
            RestClients clients,
            StatusOutbox outbox) {
        this.gitHubApp = gitHubApp;
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
        publish(revision, status, PostTicket.NONE);
    }

    @Override
    public void publish(Revision revision, CommitStatus status, PostTicket ticket) {
        log.publish(revision, status);
        Optional<Target> target = target(revision);
        if (target.isEmpty()) {
            ticket.settled();
            return;
        }
        Target forge = target.get();
        CommitStatus shortened = shorten(status, forge.api().descriptionLimit());
        String label = forge.api().name() + " " + revision.repository() + "@" + abbreviate(revision.sha()) + " ("
                + status.context() + ")";
        String key = forge.api().name() + " " + forge.base() + " " + revision.repository() + " " + revision.sha() + " "
                + status.context();
        outbox.submit(new StatusPost(
                forge.api().name(),
                key,
                shortened,
                label,
                () -> forge.api().post(clients, forge.base(), forge.token().get(), revision, shortened),
                ticket));
    }

    @Override
    public void comment(Revision revision, String context, String markdown) {
        comment(revision, context, markdown, PostTicket.NONE);
    }

    @Override
    public void comment(Revision revision, String context, String markdown, PostTicket ticket) {
        Optional<Target> target = target(revision);
        if (target.isEmpty() || !revision.isChangeRequest()) {
            ticket.settled();
            return;
        }
        Target forge = target.get();
        // The marker is an HTML comment: invisible on every forge, and what finds the comment again.
        String marker = "<!-- meshgate:" + context + " -->";
        String body = marker + "\n" + markdown;
        String label = forge.api().name() + " " + revision.repository() + " #" + revision.changeRequest() + " comment";
        String key = "comment " + forge.api().name() + " " + forge.base() + " " + revision.repository() + " #"
                + revision.changeRequest() + " " + context;
        outbox.submit(new StatusPost(
                forge.api().name(),
                key,
                body,
                label,
                () -> forge.api().comment(clients, forge.base(), forge.token().get(), revision, marker, body),
                ticket));
    }

    @Override
    public void checkRun(Revision revision, CommitStatus verdict, dev.meshgate.report.Report report) {
        checkRun(revision, verdict, report, PostTicket.NONE);
    }

    @Override
    public void checkRun(
            Revision revision, CommitStatus verdict, dev.meshgate.report.Report report, PostTicket ticket) {
        if (revision.forge() != Forge.GITHUB || gitHubApp.isEmpty()) {
            ticket.settled();
            return; // check runs take a GitHub App's installation token
        }
        ForgeStatusApi api = apis.get(Forge.GITHUB);
        URI base = credentials
                .getOrDefault(api.name(), ForgeCredentials.NONE)
                .apiUrl()
                .map(URI::create)
                .orElseGet(() -> api.defaultBase(revision));
        Supplier<String> token = installationToken(base, revision);
        String label = "github " + revision.repository() + "@" + abbreviate(revision.sha()) + " check run";
        String key = "check " + base + " " + revision.repository() + " " + revision.sha() + " " + verdict.context();
        outbox.submit(new StatusPost(
                api.name(),
                key,
                verdict,
                label,
                () -> GitHubChecks.post(clients, base, token.get(), revision, verdict, report),
                ticket));
    }

    private Supplier<String> installationToken(URI base, Revision revision) {
        String[] repository = ForgeStatusApi.ownerAndName(revision);
        return () -> gitHubApp.orElseThrow().installationToken(clients, base, repository[0], repository[1]);
    }

    /**
     * The forge API, its address, and how to get the token for a revision (called on the outbox's thread, since an
     * App's installation token may need requests of its own); empty when meshgate only logs for the forge.
     */
    private record Target(ForgeStatusApi api, URI base, Supplier<String> token) {}

    private Optional<Target> target(Revision revision) {
        ForgeStatusApi api = apis.get(revision.forge());
        if (api == null) {
            return Optional.empty(); // a run started by hand has no forge to tell
        }
        ForgeCredentials forge = credentials.getOrDefault(api.name(), ForgeCredentials.NONE);
        Optional<String> token;
        try {
            token = forge.readToken();
        } catch (UncheckedIOException e) {
            LOG.warnf("nothing is posted for %s: %s", revision.line(), e.getMessage());
            return Optional.empty();
        }
        URI base = forge.apiUrl().map(URI::create).orElseGet(() -> api.defaultBase(revision));
        if (token.isEmpty() && revision.forge() == Forge.GITHUB && gitHubApp.isPresent()) {
            return Optional.of(new Target(api, base, installationToken(base, revision)));
        }
        if (token.isEmpty()) {
            if (toldNoToken.add(api.name())) {
                LOG.infof(
                        "no token for %s (meshgate.forges.%s.token or token-file): its statuses are only logged"
                                + " and shown on meshgate's pages",
                        api.name(), api.name());
            }
            return Optional.empty();
        }
        String secret = token.get();
        return Optional.of(new Target(api, base, () -> secret));
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

    /** How the outbox is doing, for the readiness check and the metrics. */
    public OutboxState outboxState() {
        return outbox.state();
    }

    @Override
    public void close() {
        outbox.close();
    }
}
