package dev.meshgate.forge;

import dev.meshgate.revision.Revision;
import org.jboss.logging.Logger;

/** Writes statuses to the log, where they are seen when no forge is set up (and on meshgate's own report pages). */
public class LoggingStatusPublisher implements StatusPublisher {

    private static final Logger LOG = Logger.getLogger(LoggingStatusPublisher.class);

    @Override
    public void publish(Revision revision, CommitStatus status) {
        LOG.infof(
                "status %s for %s at %s: %s (%s)",
                status.state().name().toLowerCase(java.util.Locale.ROOT),
                revision.line(),
                revision.sha(),
                status.description(),
                status.targetUrl());
    }
}
