package io.smainer.devnet;

import java.math.BigInteger;

/**
 * Fixed addresses of a devnet: the STRK token (at its mainnet address, as starknet-devnet does), the
 * escrow, the sequencer that collects fees, and the escrow's owner, relayer and treasury accounts
 * (predeployed accounts #0, #1, #2).
 */
public record DevnetAddresses(BigInteger strk, BigInteger escrow, BigInteger sequencer, BigInteger owner,
                              BigInteger relayer, BigInteger treasury) {
    /** STRK on Starknet mainnet (PROTOCOL.md §4). */
    public static final BigInteger STRK = new BigInteger("04718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d", 16);
    /** {@code 'SMAINER_ESCROW'} as a felt: easy to recognise in traces. */
    public static final BigInteger ESCROW = new BigInteger("534d41494e45525f455343524f57", 16);
    public static final BigInteger SEQUENCER = BigInteger.valueOf(0x1000);
}
