package io.smainer.chain;

/**
 * A Starknet operation that did not succeed. {@link Kind} tells callers whether to retry
 * ({@link Kind#UNAVAILABLE}, {@link Kind#TIMEOUT}) or not; {@link #rpcCode()} is the node's JSON-RPC
 * error code when there was one (e.g. 52 invalid nonce, 54 insufficient balance).
 */
public final class ChainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The RPC endpoint could not be reached or answered 5xx: retry later. */
        UNAVAILABLE,
        /** The node answered with a JSON-RPC error (see {@link #rpcCode()}). */
        RPC_ERROR,
        /** The transaction was included but reverted; the message carries the revert reason. */
        REVERTED,
        /** The transaction was rejected before inclusion. */
        REJECTED,
        /** Waiting for acceptance ran out of time. */
        TIMEOUT,
        /** The node's answer did not have the expected shape. */
        BAD_RESPONSE
    }

    private final Kind kind;
    private final int rpcCode;

    public ChainException(Kind kind, int rpcCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.rpcCode = rpcCode;
    }

    public ChainException(Kind kind, String message) {
        this(kind, 0, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** JSON-RPC error code, or 0. */
    public int rpcCode() {
        return rpcCode;
    }

    public boolean retryable() {
        return kind == Kind.UNAVAILABLE || kind == Kind.TIMEOUT;
    }
}
