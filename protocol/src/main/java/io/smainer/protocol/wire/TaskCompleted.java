package io.smainer.protocol.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.smainer.protocol.json.FeltHexSerializer;
import io.smainer.protocol.FieldViolation;
import io.smainer.protocol.Require;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.StarkSignature;
import java.math.BigInteger;

/**
 * {@code task_completed} P→R: the result and its proof. {@code result_hash} must equal
 * {@code sha256(canonical_json(result_data)) mod P}; the relayer recomputes it. Never printed in full.
 */
public record TaskCompleted(
        String eventId,
        String timestamp,
        String taskId,
        JsonNode resultData,
        double executionTime,
        @JsonSerialize(using = FeltHexSerializer.class) BigInteger resultHash,
        StarkSignature signature,
        EffortMetrics effortMetrics) implements WsMessage {

    public TaskCompleted {
        Frames.envelope(eventId, timestamp);
        Frames.taskId(taskId);
        Require.present("result_data", resultData);
        Require.range("execution_time", executionTime, 0, 1e7);
        Require.present("result_hash", resultHash);
        if (!Felts.isFelt(resultHash)) {
            throw FieldViolation.invalid("result_hash", "must be a field element below P");
        }
        Require.present("signature", signature);
    }

    @Override
    public String toString() {
        return "TaskCompleted[taskId=" + taskId + ", resultData=<redacted>, executionTime=" + executionTime
                + ", resultHash=" + Felts.toHex(resultHash) + "]";
    }
}
