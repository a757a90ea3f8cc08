package dev.meshgate.runs;

/**
 * The body of {@code POST /api/v1/runs}.
 *
 * @param repository a clone URL, or a path to a repository on meshgate's own disk
 * @param sha the commit to validate; or leave it out and name a ref
 * @param ref a branch or full ref, resolved to the commit it points at now
 */
public record RunRequest(String repository, String sha, String ref) {}
