package dev.meshgate.forge.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Bitbucket Server and Data Center's build status endpoint of a repository's commit. */
@Path("/rest/api/latest/projects/{project}/repos/{repo}/commits/{sha}/builds")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface BitbucketServerStatusApi {

    @POST
    Response post(
            @PathParam("project") String project,
            @PathParam("repo") String repo,
            @PathParam("sha") String sha,
            @HeaderParam("Authorization") String authorization,
            BuildStatusBody body);
}
