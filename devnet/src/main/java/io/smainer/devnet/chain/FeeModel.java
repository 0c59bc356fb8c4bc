package io.smainer.devnet.chain;

import java.math.BigInteger;

/**
 * The devnet's deterministic gas model. Prices are fixed (FRI per unit); consumption depends only on
 * the transaction's shape (calldata length and number of calls), so {@code starknet_estimateFee}
 * returns exactly what the transaction is later charged. The numbers are plausible, not measured:
 * a typical escrow call costs about 0.00005 STRK.
 */
public final class FeeModel {
    public static final BigInteger L1_GAS_PRICE = BigInteger.valueOf(1_000_000_000_000L);
    public static final BigInteger L1_DATA_GAS_PRICE = BigInteger.valueOf(1_000_000_000L);
    public static final BigInteger L2_GAS_PRICE = BigInteger.valueOf(100_000_000L);
    /** The same prices in WEI, reported in block headers only (fees are paid in FRI). */
    public static final BigInteger WEI_PER_FRI_DIVISOR = BigInteger.valueOf(1_000);

    private static final long L1_DATA_GAS_BASE = 128;
    private static final long L2_GAS_BASE = 400_000;
    private static final long L2_GAS_PER_CALLDATA_FELT = 2_000;
    private static final long L2_GAS_PER_CALL = 150_000;

    private FeeModel() {}

    public static ResourceUsage usage(int calldataLength, int callCount) {
        return new ResourceUsage(0, L1_DATA_GAS_BASE,
                L2_GAS_BASE + L2_GAS_PER_CALLDATA_FELT * calldataLength + L2_GAS_PER_CALL * callCount);
    }

    /** {@code Σ consumed × price}, with the tip added to the L2 gas price as Starknet does. */
    public static BigInteger fee(ResourceUsage usage, BigInteger tip) {
        return BigInteger.valueOf(usage.l1Gas()).multiply(L1_GAS_PRICE)
                .add(BigInteger.valueOf(usage.l1DataGas()).multiply(L1_DATA_GAS_PRICE))
                .add(BigInteger.valueOf(usage.l2Gas()).multiply(L2_GAS_PRICE.add(tip)));
    }
}
