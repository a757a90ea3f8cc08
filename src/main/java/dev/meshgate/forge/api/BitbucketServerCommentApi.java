package dev.meshgate.forge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
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

/**
 * Pull request comments on Bitbucket Server and Data Center: listed through the pull request's activities, and edited
 * with the version the server last gave them (optimistic locking).
 */
@Path("/rest/api/latest/projects/{project}/repos/{repo}/pull-requests/{id}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface BitbucketServerCommentApi {

    /** A comment as listed, created or edited. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Comment(Long id, String text, Integer version) {}

    /** One activity of the pull request; comments are those with action COMMENTED. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Activity(String action, Comment comment) {}

    /** One page of activities. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<Activity> values) {}

    @GET
    @Path("/activities")
    Page activities(
            @PathParam("project") String project,
            @PathParam("repo") String repo,
            @PathParam("id") int pullRequest,
            @QueryParam("limit") int limit,
            @HeaderParam("Authorization") String authorization);

    @POST
    @Path("/comments")
    Response create(
            @PathParam("project") String project,
            @PathParam("repo") String repo,
            @PathParam("id") int pullRequest,
            @HeaderParam("Authorization") String authorization,
            Comment comment);

    @PUT
    @Path("/comments/{comment}")
    Response edit(
            @PathParam("project") String project,
            @PathParam("repo") String repo,
            @PathParam("id") int pullRequest,
            @PathParam("comment") long comment,
            @HeaderParam("Authorization") String authorization,
            Comment body);
}
