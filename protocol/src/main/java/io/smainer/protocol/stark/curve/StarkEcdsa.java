package io.smainer.protocol.stark.curve;

import static io.smainer.protocol.stark.curve.StarkCurve.N;
import static io.smainer.protocol.stark.curve.StarkCurve.TWO_251;

import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.StarkSignature;
import java.math.BigInteger;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;

/**
 * Starknet's ECDSA: keys, signing with RFC 6979 nonces, and verification against an x-only public
 * key. The nonce derivation, the nonce retry rule and the range checks mirror starknet-jvm 0.18.0
 * over crypto-cpp ({@code SignEcdsa}, {@code VerifyEcdsa}) so that signatures are equal to the bit;
 * the differential tests pin this.
 */
final class StarkEcdsa {
    /** starknet-jvm draws at most three nonces before giving up. */
    private static final int NONCE_ATTEMPTS = 3;

    private StarkEcdsa() {}

    static BigInteger publicKey(BigInteger privateKey) {
        BigInteger d = scalarOfPrivateKey(privateKey);
        JacobianPoint q = new JacobianPoint().setInfinity();
        CurveTables.generator().addMultiple(PointArithmetic.starkCurve(), q, Limbs.of(d));
        return PointArithmetic.affineX(q).toBigInteger();
    }

    static StarkSignature sign(BigInteger privateKey, BigInteger hash) {
        BigInteger d = scalarOfPrivateKey(privateKey);
        if (!isBelow2To251AndPositive(hash)) {
            throw new IllegalArgumentException("message hash must be in [1, 2^251) to be signed");
        }
        // Exactly starknet-jvm's derivation: BouncyCastle's RFC 6979 HMAC-SHA256 generator over the
        // curve order, keyed by the unreduced private key, with the hash as its minimal big-endian
        // bytes. Note that a 32-byte hash (≥ 2^248) is shifted right 4 bits by RFC 6979's bits2int,
        // unlike cairo-lang's generate_k_rfc6979, which pads such hashes first.
        HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
        nonces.init(N, privateKey, BigIntegers.asUnsignedByteArray(hash));
        PointArithmetic ops = PointArithmetic.starkCurve();
        for (int attempt = 0; attempt < NONCE_ATTEMPTS; attempt++) {
            StarkSignature sig = signWithNonce(ops, d, hash, nonces.nextK());
            if (sig != null) {
                return sig;
            }
        }
        throw new IllegalStateException("no usable RFC 6979 nonce in " + NONCE_ATTEMPTS + " attempts");
    }

    /** Signs with an explicit nonce (test vectors only); null when k is unusable. */
    static StarkSignature signWithNonce(BigInteger privateKey, BigInteger hash, BigInteger k) {
        return signWithNonce(PointArithmetic.starkCurve(), scalarOfPrivateKey(privateKey), hash, k);
    }

    /**
     * The signature for nonce k, or null when k is unusable: r outside [1, 2^251), s = 0, or
     * w = s⁻¹ mod N ≥ 2^251 (Starknet verifiers bound w, not s).
     */
    private static StarkSignature signWithNonce(PointArithmetic ops, BigInteger d, BigInteger z, BigInteger k) {
        JacobianPoint kg = new JacobianPoint().setInfinity();
        CurveTables.generator().addMultiple(ops, kg, Limbs.of(k));
        BigInteger r = PointArithmetic.affineX(kg).toBigInteger();
        // crypto-cpp only rejects r ≥ N here; r in [2^251, N) (probability ≈ 2^−55) would give a
        // signature that no Starknet verifier accepts, so we draw the next nonce instead.
        if (!isBelow2To251AndPositive(r)) {
            return null;
        }
        BigInteger t = z.add(r.multiply(d)).mod(N);
        if (t.signum() == 0) {
            return null;
        }
        // One inversion for both k⁻¹ and t⁻¹: inv = (k·t)⁻¹, s = t/k = t²·inv, w = k/t = k²·inv.
        BigInteger inv = k.multiply(t).mod(N).modInverse(N);
        BigInteger s = t.multiply(t).mod(N).multiply(inv).mod(N);
        BigInteger w = k.multiply(k).mod(N).multiply(inv).mod(N);
        if (w.compareTo(TWO_251) >= 0) {
            return null;
        }
        return new StarkSignature(r, s);
    }

    /**
     * Starknet verification (crypto-cpp {@code VerifyEcdsaPartialKey}): the key is an x-coordinate
     * on the curve; hash and r in [1, 2^251); s in [1, N) with w = s⁻¹ mod N below 2^251; then
     * x(u1·G ± u2·Q) = r for u1 = hash·w, u2 = r·w. Like crypto-cpp, a sum whose two terms share an
     * x-coordinate is rejected.
     */
    static boolean verify(BigInteger publicKey, BigInteger hash, BigInteger r, BigInteger s) {
        if (!Felts.isFelt(publicKey)) {
            return false;
        }
        long[][] u = scalars(hash, r, s);
        return u != null && PartialKeyVerifier.verify(FieldElement.of(publicKey), u[0], u[1], FieldElement.of(r));
    }

    /**
     * The range checks of {@link #verify} on hash, r and s, then {u1, u2} = {hash·w, r·w} mod N as limbs
     * with w = s⁻¹ mod N; null when a check fails. Shared with {@link PreparedVerifyingKey}.
     */
    static long[][] scalars(BigInteger hash, BigInteger r, BigInteger s) {
        if (!isBelow2To251AndPositive(hash) || !isBelow2To251AndPositive(r)
                || s == null || s.signum() <= 0 || s.compareTo(N) >= 0) {
            return null;
        }
        BigInteger w = s.modInverse(N);
        if (w.compareTo(TWO_251) >= 0) {
            return null;
        }
        return new long[][] {Limbs.of(hash.multiply(w).mod(N)), Limbs.of(r.multiply(w).mod(N))};
    }

    private static boolean isBelow2To251AndPositive(BigInteger v) {
        return v != null && v.signum() > 0 && v.compareTo(TWO_251) < 0;
    }

    /** The private key as a scalar mod N; rejects non-felts and multiples of N (no public key). */
    private static BigInteger scalarOfPrivateKey(BigInteger privateKey) {
        if (!Felts.isFelt(privateKey)) {
            throw new IllegalArgumentException("private key is not a field element");
        }
        BigInteger d = privateKey.mod(N);
        if (d.signum() == 0) {
            throw new IllegalArgumentException("private key is zero modulo the curve order");
        }
        return d;
    }
}
