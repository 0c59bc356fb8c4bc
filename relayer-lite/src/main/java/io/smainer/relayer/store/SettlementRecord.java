package io.smainer.relayer.store;

import java.math.BigInteger;

/**
 * The on-chain settlement of one escrow-backed task, as the relayer tracks it (docs/relayer-lite.md
 * "Settlement"). {@code state} is the wire status of {@code settlement.status}: {@code pending}
 * (assignment and/or claim still to send), {@code submitted} (claim transaction {@code claimTx} sent),
 * {@code settled}, {@code failed}, {@code refunded}. {@code provider} is the Starknet address the task
 * is pinned to once first assigned ({@code assign_task} can run only once per escrow);
 * {@code assignTx} is set once the escrow says ASSIGNED; the signature is set once a result was verified.
 */
public record SettlementRecord(
        String taskId,
        BigInteger onChainTaskId,
        BigInteger amount,
        BigInteger provider,
        String assignTx,
        BigInteger resultHash,
        BigInteger sigR,
        BigInteger sigS,
        String state,
        String claimTx,
        BigInteger providerPayout,
        BigInteger gasSubsidy,
        BigInteger treasuryFee,
        int attempts,
        long nextAttemptAtMillis,
        String lastError) {

    public static final String PENDING = "pending";
    public static final String SUBMITTED = "submitted";
    public static final String SETTLED = "settled";
    public static final String FAILED = "failed";
    public static final String REFUNDED = "refunded";

    public boolean isOpen() {
        return PENDING.equals(state) || SUBMITTED.equals(state);
    }

    public boolean hasResult() {
        return sigR != null;
    }

    public boolean assignedOnChain() {
        return assignTx != null;
    }
}
