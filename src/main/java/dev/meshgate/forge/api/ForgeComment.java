package dev.meshgate.forge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A pull request comment or merge request note, as GitHub, Gitea, Forgejo and GitLab list them. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ForgeComment(long id, String body) {}
