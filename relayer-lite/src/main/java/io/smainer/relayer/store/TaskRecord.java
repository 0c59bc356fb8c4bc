package io.smainer.relayer.store;

import io.smainer.protocol.api.TaskStatus;
import java.math.BigInteger;

/**
 * One task row. {@code result} is canonical JSON of {@code result_data} (null once dropped or never
 * produced); payloads are not part of a record, they live in their own table until the task is final.
 * Settlement lives in its own table ({@link SettlementRecord}); the old {@code settlement_status} and
 * {@code settlement_tx} columns of {@code tasks} are unused.
 */
public record TaskRecord(
        long seq,
        String taskId,
        TaskStatus status,
        String requirementsJson,
        BigInteger tokenAmount,
        BigInteger onChainTaskId,
        String description,
        String affiliateAddress,
        String payloadHash,
        String callbackMetaJson,
        String completeCallbackUrl,
        String streamCallbackUrl,
        long createdAtMillis,
        Long assignedAtMillis,
        Long completedAtMillis,
        String assignedNodeId,
        int attempts,
        byte[] result,
        String resultHash,
        String errorMessage,
        Double executionTime,
        String finalEventId,
        Long resultExpiresAtMillis) {

    @Override
    public String toString() {
        return "TaskRecord[taskId=" + taskId + ", status=" + status.wireName() + ", node=" + assignedNodeId
                + ", attempts=" + attempts + ", result=" + (result == null ? "none" : "<redacted>") + "]";
    }
}
