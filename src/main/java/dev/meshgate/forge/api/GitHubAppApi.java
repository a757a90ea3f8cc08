package dev.meshgate.forge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A GitHub App's own endpoints: which installation covers a repository, and a token for that installation. */
@Produces(MediaType.APPLICATION_JSON)
public interface GitHubAppApi {

    /** An installation of the App. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Installation(long id) {}

    /** A short-lived installation access token. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record InstallationToken(String token, @JsonProperty("expires_at") String expiresAt) {}

    @GET
    @Path("/repos/{owner}/{repo}/installation")
    Installation installation(
            @PathParam("owner") String owner,
            @PathParam("repo") String repo,
            @HeaderParam("Authorization") String appJwt);

    @POST
    @Path("/app/installations/{id}/access_tokens")
    InstallationToken token(@PathParam("id") long installation, @HeaderParam("Authorization") String appJwt);
}
