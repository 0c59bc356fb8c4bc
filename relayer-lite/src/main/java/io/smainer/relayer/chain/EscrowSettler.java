package io.smainer.relayer.chain;

import com.swmansion.starknet.data.types.Call;
import com.swmansion.starknet.data.types.Felt;
import com.swmansion.starknet.data.types.TransactionReceipt;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.smainer.chain.ChainEvent;
import io.smainer.chain.ChainException;
import io.smainer.chain.EscrowEventType;
import io.smainer.chain.EscrowFunction;
import io.smainer.chain.TransactionWaiter;
import io.smainer.protocol.stark.Felts;
import io.smainer.relayer.store.SettlementRecord;
import io.smainer.relayer.store.TaskStore;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles escrow-backed tasks on chain from the durable rows of the store, on one thread (one relayer
 * account, so nonces never race). Each round takes the due rows and sends, in one multicall, the
 * {@code assign_task} of every newly assigned task and the {@code submit_proof_and_claim} of every
 * verified result (both for a task whose result came before its assignment went out, in that order — the
 * contract requires ASSIGNED before the claim). A claim's transaction is recorded as {@code submitted}
 * before the relayer waits for it; the accepted receipt's events give the amounts ({@code PayoutReleased},
 * {@code FeeCollected}). A batch whose execution fails is retried one task per transaction, so one bad
 * escrow cannot hold the others back; a task that fails alone, or any row after a restart or a retryable
 * error, is first {@link SettlementReconciler reconciled} with {@code get_task}. Retryable errors back off
 * exponentially (1 s doubling to 5 min), without limit: the money is on chain and waits.
 */
public final class EscrowSettler implements SettlementSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EscrowSettler.class);
    static final int MAX_BATCH = 32;
    private static final int MAX_BATCHES_PER_ROUND = 16;
    static final long FIRST_RETRY_MILLIS = 1000;
    static final long MAX_RETRY_MILLIS = 300_000;

    private final ChainGateway chain;
    private final TaskStore store;
    private final LongSupplier clock;
    private final SettlementReconciler reconciler;
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("settlement", true));
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    public EscrowSettler(ChainGateway chain, TaskStore store, LongSupplier clock) {
        this.chain = chain;
        this.store = store;
        this.clock = clock;
        this.reconciler = new SettlementReconciler(chain, store, this::sendAlone, this::retry);
    }

    /** Starts the rounds: at once (rows left open by a previous run), then every second and on every event. */
    public void start() {
        worker.scheduleWithFixedDelay(this::round, 0, 1, TimeUnit.SECONDS);
    }

    @Override
    public void taskAssigned(String taskId) {
        wake();
    }

    @Override
    public void resultVerified(VerifiedResult result) {
        wake();
    }

    private void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                wakeQueued.set(false);
                round();
            });
        }
    }

    private void round() {
        try {
            for (int i = 0; i < MAX_BATCHES_PER_ROUND; i++) {
                List<SettlementRecord> due = store.settlementsDue(clock.getAsLong(), MAX_BATCH);
                if (due.isEmpty()) {
                    return;
                }
                List<SettlementRecord> fresh = new ArrayList<>();
                for (SettlementRecord r : due) {
                    if (r.attempts() > 0 || SettlementRecord.SUBMITTED.equals(r.state())) {
                        reconciler.reconcile(r, null);
                    } else {
                        fresh.add(r);
                    }
                }
                if (!fresh.isEmpty()) {
                    send(fresh);
                }
            }
        } catch (RuntimeException e) {
            log.error("settlement round failed; the next round retries", e);
        }
    }

    /** One multicall for {@code rows}; on an execution failure each row is tried alone. */
    private void send(List<SettlementRecord> rows) {
        List<Call> calls = new ArrayList<>();
        List<String> claims = new ArrayList<>();
        Felt escrow = new Felt(chain.escrowAddress());
        for (SettlementRecord r : rows) {
            if (!r.assignedOnChain()) {
                calls.add(EscrowFunction.ASSIGN_TASK.call(escrow, r.onChainTaskId(), r.provider()));
            }
            if (r.hasResult()) {
                calls.add(EscrowFunction.SUBMIT_PROOF_AND_CLAIM.call(escrow, r.onChainTaskId(), r.resultHash(), r.sigR(),
                        r.sigS()));
                claims.add(r.taskId());
            }
        }
        try {
            Felt tx = ChainCalls.send(chain.relayerAccount(), calls);
            if (!claims.isEmpty()) {
                store.settlementSubmitted(claims, tx.hexString()).join();
            }
            TransactionReceipt receipt = TransactionWaiter.standard(chain.provider()).awaitAccepted(tx);
            apply(receipt, rows);
        } catch (ChainException e) {
            String reason = chain.redact(e.getMessage());
            if (ChainCalls.executionFailed(e) && rows.size() > 1) {
                log.info("settlement batch of {} tasks failed to execute; retrying each alone", rows.size());
                rows.forEach(r -> send(List.of(r)));
            } else if (ChainCalls.executionFailed(e)) {
                reconciler.reconcile(rows.get(0), reason);
            } else {
                rows.forEach(r -> retry(r, reason));
            }
        }
    }

    private void sendAlone(SettlementRecord r) {
        send(List.of(r));
    }

    private void apply(TransactionReceipt receipt, List<SettlementRecord> rows) {
        String tx = receipt.getHash().hexString();
        var escrow = chain.escrow();
        Map<BigInteger, ChainEvent> assigned = byTask(escrow.eventsOf(receipt, EscrowEventType.TASK_ASSIGNED));
        Map<BigInteger, ChainEvent> payouts = byTask(escrow.eventsOf(receipt, EscrowEventType.PAYOUT_RELEASED));
        Map<BigInteger, ChainEvent> fees = byTask(escrow.eventsOf(receipt, EscrowEventType.FEE_COLLECTED));
        for (SettlementRecord r : rows) {
            BigInteger id = r.onChainTaskId();
            if (assigned.containsKey(id)) {
                store.settlementAssignedOnChain(List.of(r.taskId()), tx).join();
                log.info("task {}: escrow {} assigned on chain to {} in {}", r.taskId(), id, Felts.toHex(r.provider()), tx);
            }
            ChainEvent payout = payouts.get(id);
            ChainEvent fee = fees.get(id);
            if (payout != null && fee != null) {
                store.settlementSettled(r.taskId(), tx, payout.get("provider_payout"), payout.get("gas_subsidy"),
                        fee.get("amount")).join();
                log.info("task {}: escrow {} settled in {}: payout {} + gas {} wei to {}, fee {} wei", r.taskId(), id, tx,
                        payout.get("provider_payout"), payout.get("gas_subsidy"), Felts.toHex(payout.get("provider")),
                        fee.get("amount"));
            }
        }
    }

    private static Map<BigInteger, ChainEvent> byTask(List<ChainEvent> events) {
        return events.stream().collect(Collectors.toMap(e -> e.get("task_id"), e -> e, (a, b) -> a));
    }

    /** A later attempt: 1 s doubling per attempt up to 5 min. */
    void retry(SettlementRecord r, String reason) {
        int attempts = r.attempts() + 1;
        long delay = Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(20, attempts - 1));
        log.warn("task {}: settlement of escrow {} failed (attempt {}), retrying in {} s: {}", r.taskId(),
                r.onChainTaskId(), attempts, delay / 1000, io.smainer.protocol.Limits.clip(reason, 300));
        store.settlementRetry(r.taskId(), attempts, clock.getAsLong() + delay, reason).join();
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
