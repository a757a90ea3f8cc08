package dev.meshgate.intake;

import dev.meshgate.revision.Revision;
import dev.meshgate.revision.RunSubmitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records what the intake submits; can play a full queue. The real queue is exercised by WebhookResourceTest. */
final class RecordingSubmitter implements RunSubmitter {

    final List<Revision> revisions = new ArrayList<>();
    final List<String> deliveryIds = new ArrayList<>();
    int capacity = Integer.MAX_VALUE;

    @Override
    public Submission submit(Revision revision, String deliveryId) {
        if (revisions.size() >= capacity) {
            return new Refused("the run queue is full", Duration.ofSeconds(30));
        }
        revisions.add(revision);
        deliveryIds.add(deliveryId);
        return new Accepted("run-" + revisions.size(), false);
    }
}
