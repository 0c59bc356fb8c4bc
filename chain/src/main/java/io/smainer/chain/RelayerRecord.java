package io.smainer.chain;

import java.math.BigInteger;

/**
 * What the relayer claims about a task's settlement ({@code GET /tasks/{id}} settlement fields). The
 * audit compares it with the events; the events win.
 */
public record RelayerRecord(String settlementStatus, BigInteger providerPayout, BigInteger gasSubsidy,
                            BigInteger treasuryFee, BigInteger txHash) {}
