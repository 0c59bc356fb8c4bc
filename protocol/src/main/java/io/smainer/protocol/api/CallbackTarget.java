package io.smainer.protocol.api;

import io.smainer.protocol.Require;

/**
 * {@code POST /tasks/{task_id}/callback} body: where the signed callbacks go. Names follow the
 * production bot's payload fields; URL safety (https, no credentials, no private addresses) is the
 * relayer's policy, not a wire rule.
 */
public record CallbackTarget(String completeCallbackUrl, String streamCallbackUrl) {
    public static final int MAX_URL_CHARS = 2048;

    public CallbackTarget {
        Require.text("complete_callback_url", completeCallbackUrl, MAX_URL_CHARS);
        Require.optionalText("stream_callback_url", streamCallbackUrl, MAX_URL_CHARS);
    }
}
