package io.smainer.chain;

import java.math.BigInteger;
import java.util.List;

/**
 * The money trail of one escrow task rebuilt from events only, and every way it disagrees with the
 * contract's rules or with the relayer's records. {@link #ok()} means: no mismatch at all.
 */
public record TaskAudit(
        BigInteger taskId,
        Outcome outcome,
        BigInteger creator,
        BigInteger provider,
        BigInteger token,
        BigInteger amount,
        BigInteger providerPayout,
        BigInteger gasSubsidy,
        BigInteger treasuryFee,
        BigInteger refund,
        List<ChainEvent> trail,
        List<String> mismatches) {

    /** Where the escrowed money went, as the events say. */
    public enum Outcome { NOT_FOUND, ESCROWED, ASSIGNED, SETTLED, CANCELLED, REFUNDED }

    public TaskAudit {
        trail = List.copyOf(trail);
        mismatches = List.copyOf(mismatches);
    }

    public boolean ok() {
        return mismatches.isEmpty();
    }

    /** What the provider's account received: payout plus gas subsidy. */
    public BigInteger providerReceives() {
        return providerPayout.add(gasSubsidy);
    }
}
