package dev.meshgate.forge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** GitHub's Checks API (GitHub App installation tokens only): a check run with file and line annotations. */
@Path("/repos/{owner}/{repo}/check-runs")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface GitHubCheckRunApi {

    /** One finding at its file and lines. */
    @RegisterForReflection
    record Annotation(
            String path,
            @JsonProperty("start_line") int startLine,
            @JsonProperty("end_line") int endLine,
            @JsonProperty("annotation_level") String level,
            String title,
            String message) {}

    /** The check run's report: a title, a markdown summary, and up to 50 annotations per request. */
    @RegisterForReflection
    record Output(String title, String summary, List<Annotation> annotations) {}

    /** A completed check run. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CheckRun(
            String name,
            @JsonProperty("head_sha") String headSha,
            String status,
            String conclusion,
            @JsonProperty("details_url") String detailsUrl,
            Output output) {}

    /** What GitHub answers a new check run with. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Created(long id) {}

    @POST
    Created create(
            @PathParam("owner") String owner,
            @PathParam("repo") String repo,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-GitHub-Api-Version") String apiVersion,
            CheckRun run);

    @PATCH
    @Path("/{id}")
    Response update(
            @PathParam("owner") String owner,
            @PathParam("repo") String repo,
            @PathParam("id") long id,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-GitHub-Api-Version") String apiVersion,
            CheckRun run);
}
