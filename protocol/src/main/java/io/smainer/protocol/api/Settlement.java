package io.smainer.protocol.api;

import java.math.BigInteger;

/**
 * On-chain settlement of a task as the relayer last saw it. Amounts in wei; the escrow's events are
 * the proof, this is a view (PROTOCOL.md §4 "Payment truth").
 */
public record Settlement(
        String status,
        String txHash,
        BigInteger providerPayout,
        BigInteger gasSubsidy,
        BigInteger treasuryFee) {

    public static final String NONE = "none";
    public static final String PENDING = "pending";
    public static final String SUBMITTED = "submitted";
    public static final String SETTLED = "settled";
    public static final String FAILED = "failed";
    public static final String REFUNDED = "refunded";

    public Settlement {
        status = status == null ? NONE : status;
    }
}
