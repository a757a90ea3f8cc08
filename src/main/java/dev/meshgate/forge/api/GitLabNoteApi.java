package dev.meshgate.forge.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Merge request notes on GitLab, under {@code /api/v4}. */
@Path("/projects/{project}/merge_requests/{iid}/notes")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface GitLabNoteApi {

    @GET
    List<ForgeComment> list(
            @PathParam("project") String project,
            @PathParam("iid") int iid,
            @QueryParam("per_page") int perPage,
            @HeaderParam("PRIVATE-TOKEN") String token);

    @POST
    Response create(
            @PathParam("project") String project,
            @PathParam("iid") int iid,
            @HeaderParam("PRIVATE-TOKEN") String token,
            CommentBody body);

    @PUT
    @Path("/{id}")
    Response edit(
            @PathParam("project") String project,
            @PathParam("iid") int iid,
            @PathParam("id") long id,
            @HeaderParam("PRIVATE-TOKEN") String token,
            CommentBody body);
}
