package dev.meshgate.intake;

import static dev.meshgate.intake.PayloadFields.isZeroSha;
import static dev.meshgate.intake.PayloadFields.number;
import static dev.meshgate.intake.PayloadFields.optionalText;
import static dev.meshgate.intake.PayloadFields.sha;
import static dev.meshgate.intake.PayloadFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.revision.Forge;
import dev.meshgate.revision.Revision;
import java.util.List;
import java.util.Set;

/** Push and pull request payloads in the shape GitHub defined and Gitea and Forgejo copied. */
final class GitHubStylePayloads {

    private GitHubStylePayloads() {}

    static WebhookEvent push(Forge forge, JsonNode payload) {
        String after = text(payload, "after");
        if (payload.path("deleted").asBoolean(false) || isZeroSha(after)) {
            return new WebhookEvent.Ignored("the push deleted " + optionalText(payload, "ref"));
        }
        return new WebhookEvent.Validate(List.of(Revision.push(
                forge,
                text(payload, "repository.full_name"),
                text(payload, "repository.clone_url"),
                optionalText(payload, "repository.html_url"),
                sha(payload, "after"),
                text(payload, "ref"))));
    }

    static WebhookEvent pullRequest(Forge forge, JsonNode payload, Set<String> validatedActions) {
        String action = text(payload, "action");
        if (!validatedActions.contains(action)) {
            return new WebhookEvent.Ignored(
                    "pull requests are validated when opened, reopened or pushed to, not " + action);
        }
        int number = number(payload, "pull_request.number");
        // The head may live in a fork: the base repository serves it as refs/pull/N/head and holds its statuses.
        return new WebhookEvent.Validate(List.of(new Revision(
                forge,
                text(payload, "pull_request.base.repo.full_name"),
                text(payload, "pull_request.base.repo.clone_url"),
                optionalText(payload, "pull_request.base.repo.html_url"),
                sha(payload, "pull_request.head.sha"),
                "refs/pull/" + number + "/head",
                number,
                text(payload, "pull_request.base.ref"))));
    }
}
