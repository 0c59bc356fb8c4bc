package io.smainer.protocol.stark;

import java.math.BigInteger;

/**
 * The escrow's fee split (PROTOCOL.md §4), BigInteger only: {@code treasury = ⌊amount·1200/10000⌋},
 * {@code gas_subsidy = ⌊amount·300/10000⌋}, {@code provider_payout = amount − treasury − gas_subsidy}
 * (the rounding dust goes to the provider). Must match {@code submit_proof_and_claim} in
 * contracts/src/escrow.cairo.
 */
public record FeeSplit(BigInteger amount, BigInteger treasury, BigInteger gasSubsidy, BigInteger providerPayout) {
    public static final BigInteger BPS_DENOMINATOR = BigInteger.valueOf(10_000);
    public static final BigInteger TREASURY_BPS = BigInteger.valueOf(1_200);
    public static final BigInteger GAS_SUBSIDY_BPS = BigInteger.valueOf(300);

    public static FeeSplit of(BigInteger amount) {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("amount must be a non-negative integer of wei, got " + amount);
        }
        BigInteger treasury = amount.multiply(TREASURY_BPS).divide(BPS_DENOMINATOR);
        BigInteger gas = amount.multiply(GAS_SUBSIDY_BPS).divide(BPS_DENOMINATOR);
        return new FeeSplit(amount, treasury, gas, amount.subtract(treasury).subtract(gas));
    }

    /** What the provider's account receives: payout plus gas subsidy (88 %). */
    public BigInteger providerReceives() {
        return providerPayout.add(gasSubsidy);
    }
}
