package io.smainer.relayer.store;

import java.math.BigInteger;

/** Sums over settlement rows for {@code /stats}: every verified escrow, and what settled tasks paid out (wei). */
public record SettlementTotals(BigInteger escrowed, BigInteger providerPayout, BigInteger gasSubsidy, BigInteger treasuryFee) {
    public static final SettlementTotals ZERO = new SettlementTotals(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
            BigInteger.ZERO);
}
