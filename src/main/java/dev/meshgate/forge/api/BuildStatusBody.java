package dev.meshgate.forge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A build status as both Bitbucket editions take it. Cloud names the branch {@code refname}, Server {@code ref}: the
 * other edition's field stays null and so is left out of the JSON.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildStatusBody(
        String key, String state, String name, String url, String description, String refname, String ref) {}
