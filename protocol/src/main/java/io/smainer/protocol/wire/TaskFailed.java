package io.smainer.protocol.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.Limits;
import io.smainer.protocol.Require;

/** {@code task_failed} P→R. {@code error_code} values: {@link TaskErrorCode}; unknown codes are kept. */
public record TaskFailed(
        String eventId,
        String timestamp,
        String taskId,
        String errorCode,
        String errorMessage,
        JsonNode partialResult) implements WsMessage {

    public TaskFailed {
        Frames.envelope(eventId, timestamp);
        Frames.taskId(taskId);
        Require.text("error_code", errorCode, Limits.MAX_ID_CHARS);
        errorMessage = errorMessage == null ? "" : errorMessage;
        Require.optionalText("error_message", errorMessage, Limits.MAX_TEXT_CHARS);
    }

    @Override
    public String toString() {
        return "TaskFailed[taskId=" + taskId + ", errorCode=" + errorCode
                + ", partialResult=" + (partialResult == null ? "none" : "<redacted>") + "]";
    }
}
