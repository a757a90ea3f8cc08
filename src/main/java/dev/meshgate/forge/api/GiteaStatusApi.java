package dev.meshgate.forge.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Gitea's and Forgejo's commit status endpoint, under {@code /api/v1}. */
@Path("/repos/{owner}/{repo}/statuses/{sha}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface GiteaStatusApi {

    @POST
    Response post(
            @PathParam("owner") String owner,
            @PathParam("repo") String repo,
            @PathParam("sha") String sha,
            @HeaderParam("Authorization") String authorization,
            StatusBody body);
}
