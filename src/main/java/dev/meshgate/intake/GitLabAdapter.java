package dev.meshgate.intake;

import static dev.meshgate.intake.PayloadFields.number;
import static dev.meshgate.intake.PayloadFields.optionalText;
import static dev.meshgate.intake.PayloadFields.sha;
import static dev.meshgate.intake.PayloadFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.revision.Forge;
import dev.meshgate.revision.Revision;
import java.util.List;

/** GitLab's webhooks: push, tag push and merge request hooks, authenticated by {@code X-Gitlab-Token}. */
public final class GitLabAdapter implements ForgeAdapter {

    private static final SignatureCheck SIGNATURE = new TokenHeader("X-Gitlab-Token");

    @Override
    public String name() {
        return "gitlab";
    }

    @Override
    public SignatureCheck signatureCheck() {
        return SIGNATURE;
    }

    @Override
    public String deliveryId(WebhookRequest request) {
        return request.firstHeader("Idempotency-Key", "X-Gitlab-Event-UUID");
    }

    @Override
    public String repositoryName(JsonNode payload) {
        return optionalText(payload, "project.path_with_namespace");
    }

    @Override
    public WebhookEvent read(WebhookRequest request, JsonNode payload) {
        String kind = optionalText(payload, "object_kind");
        if (kind == null) {
            throw new MalformedPayloadException("the payload has no object_kind");
        }
        return switch (kind) {
            case "push", "tag_push" -> push(payload);
            case "merge_request" -> mergeRequest(payload);
            default -> new WebhookEvent.Ignored("meshgate does not act on " + kind + " events");
        };
    }

    private static WebhookEvent push(JsonNode payload) {
        if (optionalText(payload, "checkout_sha") == null) {
            return new WebhookEvent.Ignored("the push deleted " + optionalText(payload, "ref"));
        }
        return new WebhookEvent.Validate(List.of(Revision.push(
                Forge.GITLAB,
                String.valueOf(number(payload, payload.has("project_id") ? "project_id" : "project.id")),
                text(payload, "project.git_http_url"),
                optionalText(payload, "project.web_url"),
                sha(payload, "checkout_sha"),
                text(payload, "ref"))));
    }

    private static WebhookEvent mergeRequest(JsonNode payload) {
        String action = optionalText(payload, "object_attributes.action");
        boolean newCommits = "update".equals(action) && optionalText(payload, "object_attributes.oldrev") != null;
        if (!"open".equals(action) && !"reopen".equals(action) && !newCommits) {
            return new WebhookEvent.Ignored("merge requests are validated when opened, reopened or pushed to, not "
                    + (action == null ? "this change" : action));
        }
        int iid = number(payload, "object_attributes.iid");
        // The target project serves the head as refs/merge-requests/N/head; statuses belong to the source project.
        return new WebhookEvent.Validate(List.of(new Revision(
                Forge.GITLAB,
                String.valueOf(number(payload, "object_attributes.source_project_id")),
                text(payload, "project.git_http_url"),
                optionalText(payload, "project.web_url"),
                sha(payload, "object_attributes.last_commit.id"),
                "refs/merge-requests/" + iid + "/head",
                iid,
                text(payload, "object_attributes.target_branch"))));
    }
}
