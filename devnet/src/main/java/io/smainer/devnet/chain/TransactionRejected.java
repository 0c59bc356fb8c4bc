package io.smainer.devnet.chain;

/**
 * A transaction the devnet refuses before execution (nothing is charged, no block is produced). The
 * kind maps to one Starknet RPC error code in {@code io.smainer.devnet.rpc.RpcError}.
 */
public final class TransactionRejected extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why, in the vocabulary of the RPC 0.10 write API errors. */
    public enum Kind {
        NON_ACCOUNT, DUPLICATE_TX, INVALID_NONCE, INSUFFICIENT_RESOURCES, INSUFFICIENT_BALANCE, VALIDATION_FAILURE,
        UNSUPPORTED_VERSION
    }

    private final Kind kind;

    public TransactionRejected(Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
