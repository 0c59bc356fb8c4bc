package io.smainer.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.Limits;
import io.smainer.protocol.Require;
import java.math.BigInteger;

/**
 * {@code GET /tasks/{task_id}} (PROTOCOL.md §1 "Task states"). The result is never printed. Nulls are
 * written ({@code "result":null}) as FastAPI does, so clients that read a field always find it.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TaskView(
        String taskId,
        TaskStatus status,
        String assignedNodeId,
        JsonNode result,
        String errorMessage,
        String createdAt,
        String assignedAt,
        String completionTime,
        Double executionTime,
        BigInteger onChainTaskId,
        BigInteger tokenAmount,
        int attempts,
        Settlement settlement) {

    public TaskView {
        Require.text("task_id", taskId, Limits.MAX_ID_CHARS);
        Require.present("status", status);
        Require.present("created_at", createdAt);
        Require.range("attempts", attempts, 0, 1000);
    }

    @Override
    public String toString() {
        return "TaskView[taskId=" + taskId + ", status=" + status.wireName() + ", node=" + assignedNodeId
                + ", result=" + (result == null ? "none" : "<redacted>") + ", attempts=" + attempts + "]";
    }
}
