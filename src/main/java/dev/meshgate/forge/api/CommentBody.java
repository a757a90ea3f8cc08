package dev.meshgate.forge.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The text of a comment to create or edit. */
@RegisterForReflection
public record CommentBody(String body) {}
