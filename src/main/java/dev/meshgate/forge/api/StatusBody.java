package dev.meshgate.forge.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A commit status as GitHub, Gitea and Forgejo take it. */
@RegisterForReflection
public record StatusBody(
        String state, @JsonProperty("target_url") String targetUrl, String description, String context) {}
