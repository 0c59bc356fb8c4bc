package io.smainer.protocol.stark;

import java.math.BigInteger;

/**
 * One public key, ready to check many signatures: {@link StarkCrypto#verifyingKey} may precompute
 * per-key state (the fast engine builds a table of the key's multiples), so that each
 * {@link #verify} is cheaper than {@link StarkCrypto#verify}. The verdicts are the same as
 * {@code crypto.verify(publicKey(), hash, r, s)} for every input, invalid ones included. Immutable;
 * safe to share between threads.
 */
public interface StarkVerifyingKey {

    /** The x-coordinate this key checks against (as given, even when it is not on the curve). */
    BigInteger publicKey();

    /** Same contract as {@link StarkCrypto#verify}: out-of-range input is {@code false}, never an exception. */
    boolean verify(BigInteger hash, BigInteger r, BigInteger s);
}
