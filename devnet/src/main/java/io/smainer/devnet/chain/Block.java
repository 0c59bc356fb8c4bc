package io.smainer.devnet.chain;

import java.math.BigInteger;
import java.util.List;

/** A mined block; the devnet mines one per transaction (instant mining). */
public record Block(long number, BigInteger hash, BigInteger parentHash, long timestamp, List<BigInteger> transactionHashes) {
    public Block {
        transactionHashes = List.copyOf(transactionHashes);
    }
}
