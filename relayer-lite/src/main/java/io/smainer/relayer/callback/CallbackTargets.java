package io.smainer.relayer.callback;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Callback URLs carried in a payload (PROTOCOL.md §1): {@code complete_callback_url} and
 * {@code stream_callback_url} as full URLs (production bot), or an older bot's {@code callback_url}
 * base to which {@code /callback/complete} and {@code /callback/stream} are appended.
 * {@code field} names where each came from, for error locations.
 */
public record CallbackTargets(String completeUrl, String completeField, String streamUrl, String streamField) {
    public static final CallbackTargets NONE = new CallbackTargets(null, null, null, null);

    public static CallbackTargets fromPayload(JsonNode payload) {
        String complete = text(payload, "complete_callback_url");
        String stream = text(payload, "stream_callback_url");
        String base = text(payload, "callback_url");
        String completeField = complete != null ? "complete_callback_url" : null;
        String streamField = stream != null ? "stream_callback_url" : null;
        if (base != null) {
            String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            if (complete == null) {
                complete = trimmed + "/callback/complete";
                completeField = "callback_url";
            }
            if (stream == null) {
                stream = trimmed + "/callback/stream";
                streamField = "callback_url";
            }
        }
        return new CallbackTargets(complete, completeField, stream, streamField);
    }

    private static String text(JsonNode payload, String field) {
        JsonNode n = payload.get(field);
        return n != null && n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }
}
