package dev.meshgate.forge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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

/** Pull request comments on Bitbucket Cloud, whose comments hold their text in {@code content.raw}. */
@Path("/2.0/repositories/{workspace}/{repo}/pullrequests/{id}/comments")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface BitbucketCommentApi {

    /** A comment's text. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Content(String raw) {}

    /** One comment, as listed or sent. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Comment(Long id, Content content) {}

    /** One page of comments. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<Comment> values) {}

    @GET
    Page list(
            @PathParam("workspace") String workspace,
            @PathParam("repo") String repo,
            @PathParam("id") int pullRequest,
            @QueryParam("pagelen") int pageLength,
            @HeaderParam("Authorization") String authorization);

    @POST
    Response create(
            @PathParam("workspace") String workspace,
            @PathParam("repo") String repo,
            @PathParam("id") int pullRequest,
            @HeaderParam("Authorization") String authorization,
            Comment comment);

    @PUT
    @Path("/{comment}")
    Response edit(
            @PathParam("workspace") String workspace,
            @PathParam("repo") String repo,
            @PathParam("id") int pullRequest,
            @PathParam("comment") long comment,
            @HeaderParam("Authorization") String authorization,
            Comment body);
}
