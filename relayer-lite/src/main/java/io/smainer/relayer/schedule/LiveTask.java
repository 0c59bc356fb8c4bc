package io.smainer.relayer.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.api.TaskRequirements;
import io.smainer.protocol.api.TaskStatus;
import java.math.BigInteger;
import java.util.concurrent.CompletableFuture;

/**
 * A non-final task in the scheduler's memory. Mutable, touched only on the scheduler thread. The
 * payload is kept here (and in the store) only until the task is final.
 */
public final class LiveTask {
    final String taskId;
    final long order;
    final JsonNode payload;
    final TaskRequirements requirements;
    final BigInteger tokenAmount;
    final BigInteger onChainTaskId;
    final JsonNode callbackMeta;
    String completeUrl;
    String streamUrl;
    TaskStatus status = TaskStatus.PENDING;
    int attempts;
    String nodeId;
    long assignedAtMillis;
    CompletableFuture<Boolean> finishing;
    /** Settled on chain (a verified escrow backs it). */
    boolean settles;
    /**
     * The Starknet address the task is pinned to after its first assignment: {@code assign_task} runs once
     * per escrow and the escrow pays only that provider, so later attempts go to nodes of the same address.
     */
    BigInteger escrowProvider;

    public LiveTask(String taskId, long order, JsonNode payload, TaskRequirements requirements, BigInteger tokenAmount,
                    BigInteger onChainTaskId, JsonNode callbackMeta, String completeUrl, String streamUrl, int attempts) {
        this.taskId = taskId;
        this.order = order;
        this.payload = payload;
        this.requirements = requirements;
        this.tokenAmount = tokenAmount;
        this.onChainTaskId = onChainTaskId;
        this.callbackMeta = callbackMeta;
        this.completeUrl = completeUrl;
        this.streamUrl = streamUrl;
        this.attempts = attempts;
    }

    /** Marks the task as settled on chain; {@code pinnedProvider} is known after a restart, else null. */
    public LiveTask settledOnChain(BigInteger pinnedProvider) {
        this.settles = true;
        this.escrowProvider = pinnedProvider;
        return this;
    }

    public String taskId() {
        return taskId;
    }

    public BigInteger onChainTaskId() {
        return onChainTaskId;
    }

    public TaskStatus status() {
        return status;
    }

    public String nodeId() {
        return nodeId;
    }

    public String streamUrl() {
        return streamUrl;
    }

    public JsonNode callbackMeta() {
        return callbackMeta;
    }

    /** The model an AI task needs ({@code payload.model}, else {@code requirements.model}); null for other kinds. */
    String requiredModel() {
        JsonNode type = payload.get("type");
        if (type == null || !"ai_inference".equals(type.asText())) {
            return requirements.model();
        }
        JsonNode model = payload.get("model");
        return model != null && model.isTextual() ? model.asText() : requirements.model();
    }

    boolean isAiInference() {
        JsonNode type = payload.get("type");
        return type != null && "ai_inference".equals(type.asText());
    }

    @Override
    public String toString() {
        return "LiveTask[taskId=" + taskId + ", status=" + status.wireName() + ", node=" + nodeId + ", attempts="
                + attempts + ", payload=<redacted>]";
    }
}
