package io.smainer.devnet.chain;

import java.math.BigInteger;

/** {@code FEE_ESTIMATE} (RPC 0.10): consumption, the prices it was priced at, and the total in FRI. */
public record FeeEstimate(ResourceUsage usage, BigInteger l1GasPrice, BigInteger l1DataGasPrice, BigInteger l2GasPrice,
                          BigInteger overallFee) {}
