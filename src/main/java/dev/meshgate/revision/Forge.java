package dev.meshgate.revision;

/** Where a revision came from: a Git forge that sent a webhook, or a run started by hand. */
public enum Forge {
    GITHUB,
    GITLAB,
    GITEA,
    FORGEJO,
    BITBUCKET_CLOUD,
    BITBUCKET_SERVER,
    /** Started through {@code POST /api/v1/runs}: statuses go to the report page and the log only. */
    MANUAL
}
