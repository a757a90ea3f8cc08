package dev.meshgate.forge.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** GitHub's commit status endpoint (also GitHub Enterprise Server under {@code /api/v3}). */
@Path("/repos/{owner}/{repo}/statuses/{sha}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface GitHubStatusApi {

    @POST
    Response post(
            @PathParam("owner") String owner,
            @PathParam("repo") String repo,
            @PathParam("sha") String sha,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-GitHub-Api-Version") String apiVersion,
            StatusBody body);
}
