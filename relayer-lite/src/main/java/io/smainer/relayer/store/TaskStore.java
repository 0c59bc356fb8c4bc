package io.smainer.relayer.store;

import io.smainer.protocol.api.TaskStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Durable relayer state. Every write returns a future that completes only once the write is durable
 * (committed: it survives a crash of the process), so callers answer {@code 201} or ack a result after it and a {@code kill -9}
 * loses nothing that was answered. Futures complete on the store's own thread: callers continue with
 * {@code *Async(…, executor)}. Reads are synchronous and see every completed write.
 *
 * <p>Retention (issue 4): {@link #finish} drops the payload in the same transaction, and
 * {@link #dropExpiredResults} removes results whose polling TTL has passed; an implementation must make
 * the removed bytes unrecoverable from its files, not merely unreachable.
 */
public interface TaskStore extends AutoCloseable {

    /** Inserts a task and its payload. Fails with {@link DuplicateEscrowException} when the escrow id is taken. */
    CompletableFuture<Void> insert(NewTask task);

    /**
     * Records an assignment; {@code assignedCallback} (nullable) is inserted into the outbox. For an
     * escrow-backed task {@code escrowProvider} (the node's Starknet address) pins its settlement row on
     * the first assignment.
     */
    CompletableFuture<Void> markAssigned(String taskId, String nodeId, int attempts, long atMillis,
                                         CallbackEvent assignedCallback, java.math.BigInteger escrowProvider);

    default CompletableFuture<Void> markAssigned(String taskId, String nodeId, int attempts, long atMillis,
                                                 CallbackEvent assignedCallback) {
        return markAssigned(taskId, nodeId, attempts, atMillis, assignedCallback, null);
    }

    /** Back to {@code pending} after a node was lost or declined; attempts are kept. */
    CompletableFuture<Void> markRequeued(String taskId, String reason);

    /** Assigned → in_progress. */
    CompletableFuture<Void> markStarted(String taskId);

    /**
     * Moves a task to its final state unless it already is final: stores result or error, deletes the
     * payload, inserts the final callback event when the task has a target, supersedes open assigned
     * events. Completes with {@code false} (and writes nothing) when the task was already final.
     */
    CompletableFuture<Boolean> finish(FinalOutcome outcome);

    /** Registers or replaces the callback target; a final task gets a new pending final event if none is open. */
    CompletableFuture<Optional<CallbackEvent>> setCallbackTarget(String taskId, String completeUrl, String streamUrl,
                                                                 String newFinalEventId, long nowMillis);

    /** Logs one attempt and moves the event to {@code state}; when delivered final, starts the result TTL. */
    CompletableFuture<Void> recordDelivery(DeliveryAttempt attempt, CallbackEvent.State state, long resultExpiresAtMillis);

    /** Remembers a node-auth (node_id, timestamp) pair; {@code false} when it was seen before (a replay). */
    CompletableFuture<Boolean> rememberAuth(String nodeId, String timestamp, long expiresAtMillis);

    /** Drops results whose TTL passed and makes the removed bytes unrecoverable; returns how many. */
    CompletableFuture<Integer> dropExpiredResults(long nowMillis);

    Optional<TaskRecord> find(String taskId);

    /** The payload of a non-final task (canonical JSON), or empty once dropped. */
    Optional<byte[]> payload(String taskId);

    /** Tasks in submission order after {@code afterSeq}, optionally of one status. */
    List<TaskRecord> page(TaskStatus status, long afterSeq, int limit);

    Map<TaskStatus, Long> countByStatus();

    /** Non-final tasks in submission order, for recovery after a restart. */
    List<TaskRecord> unfinished();

    /** Open outbox events, oldest first, for recovery after a restart. */
    List<CallbackEvent> openCallbacks();

    /** Every event of a task (any state), for the delivery log. */
    List<CallbackEvent> callbacks(String taskId);

    List<DeliveryAttempt> attempts(String taskId);

    // ---- settlement of escrow-backed tasks (written by the settler, docs/relayer-lite.md "Settlement") ----

    Optional<SettlementRecord> settlement(String taskId);

    /** Open settlement rows with something to send or check whose next attempt is due, oldest first. */
    List<SettlementRecord> settlementsDue(long nowMillis, int limit);

    SettlementTotals settlementTotals();

    /** The escrow says ASSIGNED: {@code txHash} is the accepted {@code assign_task} transaction. */
    CompletableFuture<Void> settlementAssignedOnChain(List<String> taskIds, String txHash);

    /** A claim transaction was sent (not yet accepted). */
    CompletableFuture<Void> settlementSubmitted(List<String> taskIds, String txHash);

    /** Paid out, with the amounts from the escrow's events; the task becomes {@code settled}. */
    CompletableFuture<Void> settlementSettled(String taskId, String txHash, java.math.BigInteger providerPayout,
                                              java.math.BigInteger gasSubsidy, java.math.BigInteger treasuryFee);

    /** Final without payout: {@code failed} or {@code refunded}, with the reason. */
    CompletableFuture<Void> settlementEnded(String taskId, String state, String reason);

    /** A later attempt after a retryable failure. */
    CompletableFuture<Void> settlementRetry(String taskId, int attempts, long nextAttemptAtMillis, String reason);

    /** A cheap round trip to the engine. */
    boolean isHealthy();

    /** Commits what is queued and closes; later writes fail. */
    @Override
    void close();
}
