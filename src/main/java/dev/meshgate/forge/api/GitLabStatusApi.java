package dev.meshgate.forge.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** GitLab's commit status endpoint, under {@code /api/v4}; the project is its numeric id. */
@Path("/projects/{project}/statuses/{sha}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface GitLabStatusApi {

    @POST
    Response post(
            @PathParam("project") String project,
            @PathParam("sha") String sha,
            @HeaderParam("PRIVATE-TOKEN") String token,
            GitLabStatusBody body);
}
