package dev.meshgate.api;

import dev.meshgate.config.MeshgateConfig;
import dev.meshgate.git.GitException;
import dev.meshgate.git.MirrorCache;
import dev.meshgate.revision.DestinationRefusedException;
import dev.meshgate.revision.Forge;
import dev.meshgate.revision.InvalidRepositoryUrlException;
import dev.meshgate.revision.OutboundPolicy;
import dev.meshgate.revision.RepositoryUrl;
import dev.meshgate.revision.Revision;
import dev.meshgate.revision.RunSubmitter;
import dev.meshgate.runs.Run;
import dev.meshgate.runs.RunQueue;
import dev.meshgate.runs.RunRequest;
import dev.meshgate.runs.RunStore;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** Runs as JSON: start one by hand ({@code POST /api/v1/runs}), read one, or find them by repository and commit. */
@Path("/api/v1/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    private static final int MAX_LISTED = 100;

    @Inject
    RunQueue queue;

    @Inject
    RunStore store;

    @Inject
    MirrorCache mirrors;

    @Inject
    OutboundPolicy outbound;

    @Inject
    MeshgateConfig config;

    @POST
    @Blocking
    @TokenRequired
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(RunRequest request, @Context HttpServerRequest http) {
        if (request == null
                || request.repository() == null
                || request.repository().isBlank()) {
            throw new BadRequestException("name the repository: {\"repository\": URL or path, \"sha\" or \"ref\"}");
        }
        String repository = request.repository().strip();
        String cloneUrl = isLocalPath(repository) ? localRepository(repository, http) : serverUrl(repository);
        String sha = sha(request, cloneUrl);
        String ref = request.ref() == null || request.ref().isBlank()
                ? null
                : request.ref().strip();
        Revision revision = Revision.push(Forge.MANUAL, repository, cloneUrl, null, sha, ref);
        RunSubmitter.Submission submission = queue.submit(revision, null);
        if (submission instanceof RunSubmitter.Accepted accepted) {
            return Response.accepted(Map.of("runId", accepted.runId(), "duplicate", accepted.duplicate()))
                    .location(URI.create("/runs/" + accepted.runId()))
                    .build();
        }
        RunSubmitter.Refused refused = (RunSubmitter.Refused) submission;
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", refused.retryAfter().toSeconds())
                .entity(Map.of("error", refused.reason() + "; try again later"))
                .build();
    }

    private static boolean isLocalPath(String repository) {
        return repository.startsWith("/")
                || repository.startsWith(".")
                || repository.startsWith("~")
                || repository.regionMatches(true, 0, "file:", 0, 5);
    }

    /**
     * A path on meshgate's disk becomes a file URL, for callers allowed to name one: its files and host names would
     * show on a report page, and meshgate's disk holds mirrors of private repositories.
     */
    private String localRepository(String repository, HttpServerRequest http) {
        boolean allowed = config.runs().allowLocalPaths().orElseGet(() -> Caller.isLoopback(http));
        if (!allowed) {
            throw new BadRequestException("paths on meshgate's disk are not accepted here: name a server URL (https,"
                    + " ssh, git), or set meshgate.runs.allow-local-paths=true");
        }
        java.nio.file.Path path;
        try {
            path = repository.regionMatches(true, 0, "file:", 0, 5)
                    ? java.nio.file.Path.of(URI.create(repository))
                    : java.nio.file.Path.of(repository.replaceFirst("^~", System.getProperty("user.home")));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new BadRequestException("the path is not one meshgate can read");
        }
        path = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new BadRequestException("no repository at " + path);
        }
        return path.toUri().toString();
    }

    /** A server URL the outbound policy allows, whose host resolves to addresses it allows too. */
    private String serverUrl(String repository) {
        try {
            RepositoryUrl url = outbound.checkServerUrl(repository);
            outbound.checkResolved(url.host());
            return repository;
        } catch (InvalidRepositoryUrlException | DestinationRefusedException e) {
            throw new BadRequestException("the repository URL is refused: " + e.getMessage());
        }
    }

    private String sha(RunRequest request, String cloneUrl) {
        if (request.sha() != null && !request.sha().isBlank()) {
            String sha = request.sha().strip().toLowerCase(java.util.Locale.ROOT);
            if (!sha.matches("[0-9a-f]{40}")) {
                throw new BadRequestException("sha must be a full 40-character commit id, not '" + request.sha() + "'");
            }
            return sha;
        }
        if (request.ref() == null || request.ref().isBlank()) {
            throw new BadRequestException("name the commit: \"sha\", or a \"ref\" such as main");
        }
        try {
            return mirrors.resolve(RepositoryUrl.parse(cloneUrl), request.ref().strip());
        } catch (GitException e) {
            throw new jakarta.ws.rs.ClientErrorException(
                    e.getMessage(), e.reason() == GitException.Reason.NOT_ALLOWED ? 400 : 422);
        } catch (InvalidRepositoryUrlException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    @GET
    @Path("/{id}")
    public Run run(@PathParam("id") String id) {
        return store.get(id).orElseThrow(() -> new NotFoundException("no run " + id));
    }

    @GET
    @TokenRequired
    public List<Run> find(@QueryParam("repo") String repo, @QueryParam("sha") String sha) {
        List<Run> candidates =
                sha == null ? store.find(run -> true) : store.ofCommit(sha.toLowerCase(java.util.Locale.ROOT));
        return candidates.stream()
                .filter(run -> (repo == null
                                || run.revision().repository().equals(repo)
                                || RepositoryUrl.sameRepository(run.revision().cloneUrl(), repo))
                        && (sha == null || run.sha().startsWith(sha.toLowerCase(java.util.Locale.ROOT))))
                .limit(MAX_LISTED)
                .toList();
    }
}
