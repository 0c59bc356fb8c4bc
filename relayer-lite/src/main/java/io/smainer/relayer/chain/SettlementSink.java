package io.smainer.relayer.chain;

/**
 * Receives every verified, durably stored result, after the task is final. The chain module
 * implements it with {@code submit_proof_and_claim} and updates the task's settlement fields.
 * Must not block: it is called on the scheduler thread.
 */
public interface SettlementSink {

    void resultVerified(VerifiedResult result);

    /** No chain: nothing is settled and {@code settlement.status} stays {@code none}. */
    SettlementSink NONE = r -> { };
}
