package io.smainer.protocol.api;

import io.smainer.protocol.Limits;
import io.smainer.protocol.Require;

/** {@code 201} answer to {@code POST /tasks}. */
public record TaskSubmitted(String taskId) {
    public TaskSubmitted {
        Require.text("task_id", taskId, Limits.MAX_ID_CHARS);
    }
}
