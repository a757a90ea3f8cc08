package dev.meshgate.forge;

import dev.meshgate.forge.api.GiteaStatusApi;
import dev.meshgate.forge.api.StatusBody;
import dev.meshgate.intake.Forge;
import dev.meshgate.intake.Revision;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;

/** Statuses on Gitea and Forgejo, which share the API and its states. */
final class GiteaStatuses implements ForgeStatusApi {

    private static final int DESCRIPTION_LIMIT = 255;

    private final Forge forge;

    GiteaStatuses(Forge forge) {
        this.forge = forge;
    }

    @Override
    public String name() {
        return forge == Forge.FORGEJO ? "forgejo" : "gitea";
    }

    @Override
    public int descriptionLimit() {
        return DESCRIPTION_LIMIT;
    }

    @Override
    public URI defaultBase(Revision revision) {
        return URI.create(ForgeStatusApi.origin(revision) + "/api/v1");
    }

    @Override
    public Response post(RestClients clients, URI base, String token, Revision revision, CommitStatus status) {
        String[] repository = ForgeStatusApi.ownerAndName(revision);
        return clients.get(GiteaStatusApi.class, base)
                .post(
                        repository[0],
                        repository[1],
                        revision.sha(),
                        "token " + token,
                        new StatusBody(
                                status.state().name().toLowerCase(Locale.ROOT),
                                status.targetUrl(),
                                status.description(),
                                status.context()));
    }
}
