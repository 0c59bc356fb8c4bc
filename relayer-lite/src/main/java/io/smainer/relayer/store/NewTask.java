package io.smainer.relayer.store;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An accepted submission as it is first written. {@code payload} is canonical JSON of the sensitive
 * payload and is only ever written to the payload table; {@code callbackMeta} is the small JSON of
 * {@code chat_id}, {@code message_id} and {@code model} that final callbacks copy (PROTOCOL.md §3).
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
        String streamCallbackUrl) {

    public NewTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(requirementsJson, "requirementsJson");
        Objects.requireNonNull(tokenAmount, "tokenAmount");
    }

    @Override
    public String toString() {
        return "NewTask[taskId=" + taskId + ", payload=<" + payload.length + " bytes>]";
    }
}
