package io.smainer.relayer.store;

import java.math.BigInteger;

/** An {@code on_chain_task_id} can back only one submission (PROTOCOL.md §1). */
public final class DuplicateEscrowException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final BigInteger onChainTaskId;

    public DuplicateEscrowException(BigInteger onChainTaskId) {
        super("on_chain_task_id " + onChainTaskId + " already backs another task; create a new escrow for this submission");
        this.onChainTaskId = onChainTaskId;
    }

    public BigInteger onChainTaskId() {
        return onChainTaskId;
    }
}
