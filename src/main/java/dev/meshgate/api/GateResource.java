package dev.meshgate.api;

import dev.meshgate.revision.RepositoryUrl;
import dev.meshgate.runs.ReportLinks;
import dev.meshgate.runs.Run;
import dev.meshgate.runs.RunState;
import dev.meshgate.runs.RunStore;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /api/v1/gate?repo=&revision=&wait=}: the verdict a sync hook asks for. 200 passed, 409 failed (or meshgate
 * could not validate it: a gate fails closed), 202 still running after the wait, 404 never validated. Safe to poll.
 */
@Path("/api/v1/gate")
@Produces(MediaType.APPLICATION_JSON)
public class GateResource {

    private static final Duration MAX_WAIT = Duration.ofMinutes(5);
    private static final long POLL_MILLIS = 100;

    @Inject
    RunStore store;

    @Inject
    ReportLinks links;

    @GET
    @Blocking
    @TokenRequired
    public Response verdict(
            @QueryParam("repo") String repo, @QueryParam("revision") String revision, @QueryParam("wait") String wait)
            throws InterruptedException {
        if (repo == null || repo.isBlank() || revision == null || !revision.matches("[0-9a-fA-F]{7,40}")) {
            throw new BadRequestException("name the repository (repo=) and the commit (revision=, 7 to 40 hex digits)");
        }
        String sha = revision.toLowerCase(Locale.ROOT);
        Instant deadline = Instant.now().plus(waitFor(wait));
        Optional<Run> run = latest(repo.strip(), sha);
        while (run.isPresent() && !run.get().state().isFinal() && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL_MILLIS);
            run = latest(repo.strip(), sha);
        }
        if (run.isEmpty()) {
            return answer(
                    Response.Status.NOT_FOUND, "unknown", "meshgate has not validated " + sha + " of " + repo, null);
        }
        Run found = run.get();
        return switch (found.state()) {
            case PASSED -> answer(Response.Status.OK, "passed", found.description(), found);
            case FAILED, ERROR -> answer(
                    Response.Status.CONFLICT,
                    found.state().name().toLowerCase(Locale.ROOT),
                    found.description(),
                    found);
            default -> answer(Response.Status.ACCEPTED, "running", found.description(), found);
        };
    }

    /** The newest run of the commit that did or will reach a verdict; superseded runs never validated it. */
    private Optional<Run> latest(String repo, String sha) {
        return store.ofCommit(sha).stream()
                .filter(run -> (run.revision().repository().equals(repo)
                                || RepositoryUrl.sameRepository(run.revision().cloneUrl(), repo))
                        && run.sha().startsWith(sha)
                        && run.state() != RunState.SUPERSEDED)
                .findFirst();
    }

    private Response answer(Response.Status status, String verdict, String summary, Run run) {
        GateAnswer body = run == null
                ? new GateAnswer(verdict, summary, null, null, null)
                : new GateAnswer(verdict, summary, run.id(), run.sha(), links.reportUrl(run.id()));
        return Response.status(status).entity(body).build();
    }

    private static Duration waitFor(String wait) {
        if (wait == null || wait.isBlank()) {
            return Duration.ZERO;
        }
        try {
            String text = wait.strip().toUpperCase(Locale.ROOT);
            Duration asked = Duration.parse(text.startsWith("P") ? text : "PT" + text);
            if (asked.isNegative()) {
                throw new BadRequestException("wait must not be negative");
            }
            return asked.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : asked;
        } catch (DateTimeParseException e) {
            throw new BadRequestException("wait must be a duration such as 60s or 2m, not '" + wait + "'");
        }
    }
}
