package io.smainer.relayer.store;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An accepted submission as it is first written. {@code payload} is canonical JSON of the sensitive
 * payload and is only ever written to the payload table; {@code callbackMeta} is the small JSON of
 * {@code chat_id}, {@code message_id} and {@code model} that final callbacks copy (PROTOCOL.md §3).
 * {@code escrowAmount} is set when the escrow was verified on chain: the task is then settled there and
 * gets a settlement row in the same transaction.
 */
public record NewTask(
        String taskId,
        long createdAtMillis,
        byte[] payload,
        String payloadHash,
        String requirementsJson,
        BigInteger tokenAmount,
        BigInteger onChainTaskId,
        String description,
        String affiliateAddress,
        String callbackMetaJson,
        String completeCallbackUrl,
        String streamCallbackUrl,
        BigInteger escrowAmount) {

    public NewTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(requirementsJson, "requirementsJson");
        Objects.requireNonNull(tokenAmount, "tokenAmount");
        if (escrowAmount != null && onChainTaskId == null) {
            throw new IllegalArgumentException("escrowAmount without onChainTaskId");
        }
    }

    /** A task that is not settled on chain (no verified escrow). */
    public NewTask(String taskId, long createdAtMillis, byte[] payload, String payloadHash, String requirementsJson,
                   BigInteger tokenAmount, BigInteger onChainTaskId, String description, String affiliateAddress,
                   String callbackMetaJson, String completeCallbackUrl, String streamCallbackUrl) {
        this(taskId, createdAtMillis, payload, payloadHash, requirementsJson, tokenAmount, onChainTaskId, description,
                affiliateAddress, callbackMetaJson, completeCallbackUrl, streamCallbackUrl, null);
    }

    @Override
    public String toString() {
        return "NewTask[taskId=" + taskId + ", payload=<" + payload.length + " bytes>]";
    }
}
