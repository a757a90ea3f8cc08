package dev.meshgate.runs;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.meshgate.report.Report;
import dev.meshgate.revision.Revision;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of one run, as stored and as served by {@code GET /api/v1/runs/{id}}: immutable, each change makes a
 * new one.
 *
 * @param sha the full commit id validated (differs from the revision's when the forge named an abbreviated one)
 * @param deliveryIds the webhook deliveries that asked for this run
 * @param description the one line shown as the commit status
 * @param notes what the reader should know besides the findings (skipped symlinks or submodules, superseded by...)
 * @param report the findings and verdict, once validated (stored and served in meshgate's JSON contract)
 */
@RegisterForReflection
public record Run(
        String id,
        RunState state,
        Revision revision,
        String sha,
        List<String> deliveryIds,
        Instant acceptedAt,
        Instant startedAt,
        Instant finishedAt,
        String description,
        List<String> notes,
        @JsonSerialize(using = StoredReport.Writer.class) @JsonDeserialize(using = StoredReport.Reader.class)
                Report report) {

    public Run {
        deliveryIds = deliveryIds == null ? List.of() : List.copyOf(deliveryIds);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    static Run accepted(String id, Revision revision, String deliveryId, Instant now) {
        return new Run(
                id,
                RunState.QUEUED,
                revision,
                revision.sha(),
                deliveryId == null ? List.of() : List.of(deliveryId),
                now,
                null,
                null,
                "queued for validation",
                List.of(),
                null);
    }

    Run withDelivery(String deliveryId) {
        if (deliveryId == null || deliveryIds.contains(deliveryId)) {
            return this;
        }
        List<String> more = new ArrayList<>(deliveryIds);
        more.add(deliveryId);
        return new Run(id, state, revision, sha, more, acceptedAt, startedAt, finishedAt, description, notes, report);
    }

    Run queuedAgain() {
        return new Run(
                id, RunState.QUEUED, revision, sha, deliveryIds, acceptedAt, null, null, description, notes, null);
    }

    Run started(Instant now) {
        return new Run(
                id, RunState.RUNNING, revision, sha, deliveryIds, acceptedAt, now, null, "validating", notes, report);
    }

    Run finished(RunOutcome outcome, Instant now) {
        return new Run(
                id,
                outcome.state(),
                revision,
                outcome.sha() == null ? sha : outcome.sha(),
                deliveryIds,
                acceptedAt,
                startedAt,
                now,
                outcome.description(),
                outcome.notes(),
                outcome.report());
    }

    Run supersededBy(Run newer, Instant now) {
        List<String> more = new ArrayList<>(notes);
        more.add("superseded by run " + newer.id() + " of commit " + newer.sha());
        return new Run(
                id,
                RunState.SUPERSEDED,
                revision,
                sha,
                deliveryIds,
                acceptedAt,
                startedAt,
                now,
                "superseded by a newer commit (" + abbreviate(newer.sha()) + "), not validated",
                more,
                null);
    }

    public static String abbreviate(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
}
