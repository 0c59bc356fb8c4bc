package io.smainer.protocol.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.FieldViolation;
import io.smainer.protocol.Limits;
import io.smainer.protocol.Require;
import io.smainer.protocol.api.TaskRequirements;
import java.math.BigInteger;

/** {@code task_assigned} R→P. The payload is sensitive and never printed. */
public record TaskAssigned(
        String eventId,
        String timestamp,
        String taskId,
        JsonNode payload,
        TaskRequirements requirements,
        int timeoutSeconds,
        BigInteger tokenAmount,
        BigInteger onChainTaskId) implements WsMessage {

    public TaskAssigned {
        Frames.envelope(eventId, timestamp);
        Frames.taskId(taskId);
        Require.present("payload", payload);
        if (!payload.isObject()) {
            throw FieldViolation.invalid("payload", "must be a JSON object");
        }
        requirements = requirements == null ? TaskRequirements.NONE : requirements;
        if (timeoutSeconds == 0) {
            timeoutSeconds = requirements.executionTimeSeconds();
        }
        Require.range("timeout_seconds", timeoutSeconds, 1, Limits.MAX_EXECUTION_TIME_SECONDS);
        tokenAmount = tokenAmount == null ? BigInteger.ZERO : tokenAmount;
        if (tokenAmount.signum() < 0) {
            throw FieldViolation.invalid("token_amount", "must not be negative");
        }
    }

    @Override
    public String toString() {
        return "TaskAssigned[taskId=" + taskId + ", payload=<redacted>, timeoutSeconds=" + timeoutSeconds
                + ", onChainTaskId=" + onChainTaskId + "]";
    }
}
