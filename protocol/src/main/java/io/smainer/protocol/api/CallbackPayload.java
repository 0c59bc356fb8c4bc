package io.smainer.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.Limits;
import io.smainer.protocol.Require;
import java.math.BigInteger;

/**
 * Body of a task callback (PROTOCOL.md §3): final ({@code completed|failed|timeout}) or the
 * non-final {@code assigned}. {@code chat_id}, {@code message_id} and {@code model} are copied from
 * the payload when present. Sent as canonical JSON; nulls are written ({@code "error":null}).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CallbackPayload(
        String taskId,
        String status,
        JsonNode result,
        String error,
        Double executionTime,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode chatId,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode messageId,
        BigInteger onChainTaskId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String model) {

    public CallbackPayload {
        Require.text("task_id", taskId, Limits.MAX_ID_CHARS);
        Require.text("status", status, 32);
    }

    @Override
    public String toString() {
        return "CallbackPayload[taskId=" + taskId + ", status=" + status
                + ", result=" + (result == null ? "none" : "<redacted>") + "]";
    }
}
