package io.smainer.protocol.wire;

import io.smainer.protocol.Limits;
import io.smainer.protocol.Require;

/** {@code task_cancel} R→P (ours, when the ack lists {@code task_cancel}). */
public record TaskCancel(String eventId, String timestamp, String taskId, String reason) implements WsMessage {
    public TaskCancel {
        Frames.envelope(eventId, timestamp);
        Frames.taskId(taskId);
        reason = reason == null ? "" : reason;
        Require.optionalText("reason", reason, Limits.MAX_TEXT_CHARS);
    }
}
