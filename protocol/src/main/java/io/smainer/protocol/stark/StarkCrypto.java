package io.smainer.protocol.stark;

import java.math.BigInteger;

/**
 * Stark-curve primitives used by the protocol: key derivation, ECDSA over the curve order with
 * RFC 6979 nonces, and the Pedersen hash. All values are field elements below
 * {@link Felts#FIELD_PRIME}; implementations must agree to the bit (see the differential tests).
 */
public interface StarkCrypto {

    /** The x-coordinate of {@code privateKey · G}. */
    BigInteger publicKey(BigInteger privateKey);

    /** ECDSA signature of {@code hash} with a deterministic (RFC 6979) nonce. */
    StarkSignature sign(BigInteger privateKey, BigInteger hash);

    /**
     * Starknet signature check: {@code publicKey} is an x-coordinate (both y are tried), and
     * {@code hash}, {@code r}, {@code s} must pass Starknet's range checks; out-of-range input is
     * {@code false}, never an exception.
     */
    boolean verify(BigInteger publicKey, BigInteger hash, BigInteger r, BigInteger s);

    /**
     * {@code publicKey} prepared for repeated {@link #verify} calls, with the same verdicts. The default
     * precomputes nothing; an engine may spend time and memory here (see its documentation) to make each
     * check cheaper, so callers keep the key for as long as they verify with it. Never throws: a key that
     * is not a curve point gives a key that refuses every signature.
     */
    default StarkVerifyingKey verifyingKey(BigInteger publicKey) {
        return new DirectVerifyingKey(this, publicKey);
    }

    /** Pedersen hash of two field elements. */
    BigInteger pedersen(BigInteger a, BigInteger b);

    /** Starknet's {@code compute_hash_on_elements}: a chain of Pedersen hashes ending with the length. */
    default BigInteger pedersenOnElements(BigInteger... elements) {
        BigInteger acc = BigInteger.ZERO;
        for (BigInteger e : elements) {
            acc = pedersen(acc, e);
        }
        return pedersen(acc, BigInteger.valueOf(elements.length));
    }
}
