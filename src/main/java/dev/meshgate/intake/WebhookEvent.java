package dev.meshgate.intake;

import dev.meshgate.revision.Revision;
import java.util.List;

/** What a verified delivery asks of meshgate. */
public sealed interface WebhookEvent {

    /** Commits to validate: one for most events, one per changed ref for a Bitbucket push. */
    record Validate(List<Revision> revisions) implements WebhookEvent {
        public Validate {
            revisions = List.copyOf(revisions);
        }
    }

    /** The forge checking that the hook works. */
    record Ping(String message) implements WebhookEvent {}

    /** An event meshgate does not act on, with the reason (answered 2xx so the forge does not retry it). */
    record Ignored(String reason) implements WebhookEvent {}
}
