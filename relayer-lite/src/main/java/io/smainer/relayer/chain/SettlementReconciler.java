package io.smainer.relayer.chain;

import io.smainer.chain.ChainEvent;
import io.smainer.chain.ChainException;
import io.smainer.chain.EscrowEventType;
import io.smainer.chain.EscrowTask;
import io.smainer.chain.EventLog;
import io.smainer.protocol.stark.Felts;
import io.smainer.relayer.store.SettlementRecord;
import io.smainer.relayer.store.TaskStore;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a settlement row in line with the escrow ({@code get_task}) before anything is re-sent: after a
 * restart (a transaction may have been sent but not recorded), after a retryable error, or after the
 * row's own transaction failed to execute ({@code reason} is then that failure). The escrow is the truth:
 * COMPLETED means settled (amounts from its events), CANCELLED/REFUNDED means the creator took the money
 * back, ASSIGNED to another provider cannot be claimed for this result.
 */
final class SettlementReconciler {
    private static final Logger log = LoggerFactory.getLogger(SettlementReconciler.class);
    /** A deterministic failure of an assignment on a still-CREATED escrow is tried this often. */
    static final int MAX_EXECUTION_FAILURES = 3;

    private final ChainGateway chain;
    private final TaskStore store;
    private final Consumer<SettlementRecord> send;
    private final BiConsumer<SettlementRecord, String> retry;

    SettlementReconciler(ChainGateway chain, TaskStore store, Consumer<SettlementRecord> send,
                         BiConsumer<SettlementRecord, String> retry) {
        this.chain = chain;
        this.store = store;
        this.send = send;
        this.retry = retry;
    }

    /** @param reason null when nothing failed yet (then a row with work left is sent again) */
    void reconcile(SettlementRecord r, String reason) {
        EscrowTask t;
        try {
            t = chain.escrow().getTask(r.onChainTaskId());
        } catch (ChainException e) {
            retry.accept(r, chain.redact(e.getMessage()));
            return;
        }
        String escrow = "escrow task " + r.onChainTaskId();
        switch (t.status()) {
            case COMPLETED, SETTLED -> settledEarlier(r);
            case CANCELLED -> end(r, SettlementRecord.REFUNDED, escrow + " was cancelled by its creator before the relayer"
                    + " assigned it; the escrow was refunded and nothing can be claimed");
            case REFUNDED -> end(r, SettlementRecord.REFUNDED, escrow + " was refunded to its creator (refund_expired after"
                    + " the claim window); nothing can be claimed");
            case ASSIGNED -> {
                if (!t.provider().equals(r.provider())) {
                    end(r, SettlementRecord.FAILED, escrow + " is assigned on chain to " + Felts.toHex(t.provider())
                            + ", but the task ran on " + Felts.toHex(r.provider()) + ": the escrow pays only its assigned"
                            + " provider");
                    return;
                }
                if (!r.assignedOnChain()) {
                    recordAssignment(r);
                }
                if (reason != null && r.hasResult()) {
                    end(r, SettlementRecord.FAILED, "submit_proof_and_claim for " + escrow + " failed: " + reason);
                } else if (r.hasResult()) {
                    send.accept(reloaded(r));
                } else if (reason == null && r.attempts() > 0) {
                    store.settlementRetry(r.taskId(), 0, 0, null).join(); // assigned; now waits for the result
                }
            }
            case CREATED -> {
                if (reason == null) {
                    send.accept(r);
                } else if (r.attempts() + 1 >= MAX_EXECUTION_FAILURES) {
                    end(r, SettlementRecord.FAILED, "assign_task for " + escrow + " failed " + (r.attempts() + 1)
                            + " times: " + reason);
                } else {
                    retry.accept(r, reason);
                }
            }
            default -> throw new IllegalStateException("unhandled escrow status " + t.status());
        }
    }

    /** The escrow says COMPLETED: take the amounts and the transaction from its events. */
    private void settledEarlier(SettlementRecord r) {
        List<ChainEvent> trail = new EventLog(chain.provider()).forTask(chain.escrowAddress(), r.onChainTaskId());
        Optional<ChainEvent> payout = first(trail, EscrowEventType.PAYOUT_RELEASED);
        Optional<ChainEvent> fee = first(trail, EscrowEventType.FEE_COLLECTED);
        if (payout.isEmpty() || fee.isEmpty()) {
            retry.accept(r, "escrow task " + r.onChainTaskId() + " is COMPLETED but its PayoutReleased/FeeCollected events"
                    + " are not visible yet");
            return;
        }
        String tx = Felts.toHex(payout.get().transactionHash());
        store.settlementSettled(r.taskId(), tx, payout.get().get("provider_payout"), payout.get().get("gas_subsidy"),
                fee.get().get("amount")).join();
        log.info("task {}: escrow {} found settled on chain in {}", r.taskId(), r.onChainTaskId(), tx);
    }

    private void recordAssignment(SettlementRecord r) {
        List<ChainEvent> trail = new EventLog(chain.provider()).forTask(chain.escrowAddress(), r.onChainTaskId());
        String tx = first(trail, EscrowEventType.TASK_ASSIGNED).map(e -> Felts.toHex(e.transactionHash())).orElse("unknown");
        store.settlementAssignedOnChain(List.of(r.taskId()), tx).join();
    }

    private SettlementRecord reloaded(SettlementRecord r) {
        return store.settlement(r.taskId()).orElse(r);
    }

    private void end(SettlementRecord r, String state, String reason) {
        log.warn("task {}: settlement {}: {}", r.taskId(), state, reason);
        store.settlementEnded(r.taskId(), state, reason).join();
    }

    private static Optional<ChainEvent> first(List<ChainEvent> trail, EscrowEventType type) {
        return trail.stream().filter(e -> e.type() == type).findFirst();
    }

}
