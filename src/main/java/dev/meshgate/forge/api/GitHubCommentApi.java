package dev.meshgate.forge.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Pull request comments on GitHub (issue comments) and, under {@code /api/v1}, on Gitea and Forgejo, which copied the
 * same paths; the authorization header carries each forge's scheme.
 */
@Path("/repos/{owner}/{repo}/issues")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface GitHubCommentApi {

    @GET
    @Path("/{number}/comments")
    List<ForgeComment> list(
            @PathParam("owner") String owner,
            @PathParam("repo") String repo,
            @PathParam("number") int number,
            @QueryParam("per_page") int perPage,
            @HeaderParam("Authorization") String authorization);

    @POST
    @Path("/{number}/comments")
    Response create(
            @PathParam("owner") String owner,
            @PathParam("repo") String repo,
            @PathParam("number") int number,
            @HeaderParam("Authorization") String authorization,
            CommentBody body);

    @PATCH
    @Path("/comments/{id}")
    Response edit(
            @PathParam("owner") String owner,
            @PathParam("repo") String repo,
            @PathParam("id") long id,
            @HeaderParam("Authorization") String authorization,
            CommentBody body);
}
