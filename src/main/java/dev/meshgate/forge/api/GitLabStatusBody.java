package dev.meshgate.forge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A commit status as GitLab takes it: {@code name} is the context; {@code ref} is left out when unknown. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GitLabStatusBody(
        String state, String name, String ref, @JsonProperty("target_url") String targetUrl, String description) {}
