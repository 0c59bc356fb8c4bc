package io.smainer.relayer.store;

import io.smainer.protocol.api.TaskStatus;
import io.smainer.protocol.stark.StarkSignature;
import java.util.Objects;

/**
 * A task's move to a final state, written in one transaction with the drop of its payload and the
 * insert of its final callback event ({@code finalEventId}, stable across delivery retries).
 * {@code resultExpiresAtMillis} is set when nobody waits for a callback (no target): the result then
 * stays for polling only until that time. {@code settles} marks an escrow-backed task with a
 * settlement row; its {@code signature} (the node's, over the result) is what {@code submit_proof_and_claim}
 * needs and is stored in that row.
 */
public record FinalOutcome(
        String taskId,
        TaskStatus status,
        long completedAtMillis,
        String nodeId,
        byte[] result,
        String resultHash,
        String errorMessage,
        Double executionTime,
        String finalEventId,
        boolean hasCallbackTarget,
        Long resultExpiresAtMillis,
        boolean settles,
        StarkSignature signature) {

    public FinalOutcome {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(finalEventId, "finalEventId");
        if (!status.isFinal()) {
            throw new IllegalArgumentException("status " + status.wireName() + " is not final");
        }
    }

    /** An outcome without a result signature (failures, timeouts, unsettled tasks). */
    public FinalOutcome(String taskId, TaskStatus status, long completedAtMillis, String nodeId, byte[] result,
                        String resultHash, String errorMessage, Double executionTime, String finalEventId,
                        boolean hasCallbackTarget, Long resultExpiresAtMillis) {
        this(taskId, status, completedAtMillis, nodeId, result, resultHash, errorMessage, executionTime, finalEventId,
                hasCallbackTarget, resultExpiresAtMillis, false, null);
    }

    @Override
    public String toString() {
        return "FinalOutcome[taskId=" + taskId + ", status=" + status.wireName() + ", result="
                + (result == null ? "none" : "<redacted>") + "]";
    }
}
