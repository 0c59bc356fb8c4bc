package io.smainer.chain;

import java.math.BigInteger;

/** {@code get_task} (PROTOCOL.md §4): the escrow's own record of one task. */
public record EscrowTask(
        BigInteger taskId,
        BigInteger creator,
        BigInteger provider,
        BigInteger token,
        BigInteger amount,
        Status status,
        BigInteger taskHash,
        BigInteger resultHash,
        long createdAt,
        long assignedAt,
        long completedAt,
        long deadline) {

    /** Task statuses; the ordinal is the on-chain u8 (CREATED 0 … REFUNDED 5). */
    public enum Status {
        CREATED, ASSIGNED, COMPLETED, CANCELLED, SETTLED, REFUNDED;

        public static Status of(int value) {
            if (value < 0 || value >= values().length) {
                throw new ChainException(ChainException.Kind.BAD_RESPONSE, "unknown task status " + value);
            }
            return values()[value];
        }
    }

    /** Decodes the {@code Task} struct as get_task returns it. */
    static EscrowTask decode(BigInteger taskId, CairoSerde.Reader r) {
        return new EscrowTask(taskId, r.felt(), r.felt(), r.felt(), r.u256(), Status.of(r.u8()), r.felt(), r.felt(),
                r.u64(), r.u64(), r.u64(), r.u64());
    }
}
