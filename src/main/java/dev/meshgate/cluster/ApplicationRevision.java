package dev.meshgate.cluster;

/**
 * What an Argo CD Application is about to sync: its repository and the commit of the operation under way.
 *
 * @param repository the repository URL of the Application's (first) source
 * @param revision the commit the sync operation applies
 */
public record ApplicationRevision(String repository, String revision) {}
