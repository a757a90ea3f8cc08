package dev.meshgate.intake;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads fields of a webhook payload by dotted path, turning a missing required field into a 400 with its path. */
final class PayloadFields {

    private PayloadFields() {}

    /** The node at a dotted path such as {@code pull_request.head.sha}; a missing node when any step is absent. */
    static JsonNode at(JsonNode payload, String path) {
        JsonNode node = payload;
        for (String step : path.split("\\.")) {
            node = node.path(step);
        }
        return node;
    }

    /** The text at the path, or null when it is absent, null or empty. */
    static String optionalText(JsonNode payload, String path) {
        JsonNode node = at(payload, path);
        return node.isValueNode() && !node.isNull() && !node.asText().isEmpty() ? node.asText() : null;
    }

    /** The text at the path; a malformed payload when it is absent. */
    static String text(JsonNode payload, String path) {
        String text = optionalText(payload, path);
        if (text == null) {
            throw new MalformedPayloadException("the payload has no " + path);
        }
        return text;
    }

    /** The whole number at the path; a malformed payload when it is absent or not a number. */
    static int number(JsonNode payload, String path) {
        JsonNode node = at(payload, path);
        if (!node.canConvertToInt()) {
            throw new MalformedPayloadException("the payload has no number at " + path);
        }
        return node.asInt();
    }

    /** A commit id of 40 hex digits at the path; a malformed payload otherwise. */
    static String sha(JsonNode payload, String path) {
        String sha = text(payload, path);
        if (!sha.matches("[0-9a-fA-F]{40}")) {
            throw new MalformedPayloadException(path + " is not a commit id: " + sha);
        }
        return sha.toLowerCase(java.util.Locale.ROOT);
    }

    /** A commit id of 7 to 40 hex digits at the path (Bitbucket Cloud abbreviates); a malformed payload otherwise. */
    static String abbreviatedSha(JsonNode payload, String path) {
        String sha = text(payload, path);
        if (!sha.matches("[0-9a-fA-F]{7,40}")) {
            throw new MalformedPayloadException(path + " is not a commit id: " + sha);
        }
        return sha.toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether a sha names no commit: forges send all zeros for a deleted ref. */
    static boolean isZeroSha(String sha) {
        return sha == null || sha.chars().allMatch(c -> c == '0');
    }
}
