package io.smainer.relayer.chain;

/**
 * Where the scheduler reports the two moments that matter for on-chain settlement of an escrow-backed
 * task, each only after the corresponding store write is durable: the first assignment (the provider
 * is pinned; {@code assign_task} follows) and a verified result ({@code submit_proof_and_claim}
 * follows). Must not block: it is called on the scheduler thread.
 */
public interface SettlementSink {

    void taskAssigned(String taskId);

    void resultVerified(VerifiedResult result);

    /** No chain: nothing is settled and {@code settlement.status} stays {@code none}. */
    SettlementSink NONE = new SettlementSink() {
        @Override
        public void taskAssigned(String taskId) {
        }

        @Override
        public void resultVerified(VerifiedResult result) {
        }
    };
}
