package dev.meshgate.forge;

import dev.meshgate.intake.Revision;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The publisher when no forge is set up: statuses go to the log (and are on meshgate's own report pages). */
@ApplicationScoped
@DefaultBean
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
