package dev.meshgate.forge.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Bitbucket Cloud's build status endpoint; a status with the same key replaces the earlier one. */
@Path("/2.0/repositories/{workspace}/{repo}/commit/{sha}/statuses/build")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface BitbucketCloudStatusApi {

    @POST
    Response post(
            @PathParam("workspace") String workspace,
            @PathParam("repo") String repo,
            @PathParam("sha") String sha,
            @HeaderParam("Authorization") String authorization,
            BuildStatusBody body);
}
