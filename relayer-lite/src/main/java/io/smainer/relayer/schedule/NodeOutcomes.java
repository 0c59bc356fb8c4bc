package io.smainer.relayer.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.api.TaskStatus;
import io.smainer.protocol.wire.TaskErrorCode;
import io.smainer.protocol.wire.TaskFailed;
import io.smainer.relayer.chain.VerifiedResult;
import java.util.concurrent.CompletableFuture;

/**
 * What a node's {@code task_completed} / {@code task_failed} does to a live task. Runs on the scheduler
 * thread; each answer completes once the resulting state is durable, so the node's {@code ack} can
 * follow it (result_ack). A resent result of a completed task is accepted again without a second callback.
 */
public final class NodeOutcomes {
    private final Scheduler scheduler;

    public NodeOutcomes(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** A result whose hash and signature were verified. The first valid result wins, from any node it was given to. */
    public CompletableFuture<Verdict> completed(NodeSession from, LiveTask t, JsonNode result, byte[] canonicalResult,
                                                double executionTime, VerifiedResult proof) {
        if (t.finishing != null) {
            return t.finishing.thenApply(done -> t.status == TaskStatus.COMPLETED
                    ? Verdict.accepted("duplicate result: task " + t.taskId + " is already completed")
                    : Verdict.rejected("task " + t.taskId + " is already " + t.status.wireName()));
        }
        if (t.nodeId != null && !t.nodeId.equals(from.nodeId())) {
            scheduler.cancelOnNode(t, "completed by another node");
        }
        t.nodeId = t.nodeId == null ? from.nodeId() : t.nodeId;
        return scheduler.finish(t, TaskStatus.COMPLETED, result, canonicalResult, io.smainer.protocol.stark.Felts.toHex(proof.resultHash()),
                        null, executionTime, proof)
                .thenApply(done -> Verdict.accepted("result stored"));
    }

    /** A result that failed verification: the error goes to the node, the task to another attempt. */
    public CompletableFuture<Verdict> rejectedResult(NodeSession from, LiveTask t, String reason) {
        if (t.finishing == null && from.nodeId().equals(t.nodeId) && t.status != TaskStatus.PENDING) {
            return scheduler.requeue(t, "result from " + from.nodeId() + " rejected: " + reason)
                    .thenApply(v -> Verdict.rejected(reason));
        }
        return CompletableFuture.completedFuture(Verdict.rejected(reason));
    }

    /** {@code task_failed}: retryable codes re-queue (bounded attempts), others make the task {@code failed}. */
    public CompletableFuture<Verdict> failed(NodeSession from, LiveTask t, TaskFailed f) {
        if (t.finishing != null) {
            return t.finishing.thenApply(done -> Verdict.accepted("task " + t.taskId + " is already " + t.status.wireName()));
        }
        if (!from.nodeId().equals(t.nodeId)) {
            return CompletableFuture.completedFuture(
                    Verdict.accepted("ignored: task " + t.taskId + " is not assigned to node " + from.nodeId()));
        }
        if (TaskErrorCode.isRetryable(f.errorCode())) {
            return scheduler.requeue(t, "node " + from.nodeId() + " failed with " + f.errorCode())
                    .thenApply(v -> Verdict.accepted("re-queued after " + f.errorCode()));
        }
        String error = f.errorCode() + (f.errorMessage().isEmpty() ? "" : ": " + f.errorMessage());
        return scheduler.finish(t, TaskStatus.FAILED, null, null, null, error, null, null)
                .thenApply(done -> Verdict.accepted("failure stored"));
    }
}
