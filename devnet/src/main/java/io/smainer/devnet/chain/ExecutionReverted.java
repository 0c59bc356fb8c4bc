package io.smainer.devnet.chain;

/** A simulated transaction (fee estimation) that reverts: RPC error 41 TRANSACTION_EXECUTION_ERROR. */
public final class ExecutionReverted extends Exception {
    private static final long serialVersionUID = 1L;

    public ExecutionReverted(String revertReason) {
        super(revertReason);
    }
}
