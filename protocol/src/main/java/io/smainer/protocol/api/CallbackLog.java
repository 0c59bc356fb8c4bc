package io.smainer.protocol.api;

import java.util.List;

/** {@code GET /tasks/{task_id}/callback}: the target and every delivery attempt, oldest first. */
public record CallbackLog(
        String taskId,
        String completeCallbackUrl,
        String streamCallbackUrl,
        String state,
        List<CallbackAttempt> attempts) {
    public CallbackLog {
        attempts = List.copyOf(attempts == null ? List.of() : attempts);
    }
}
