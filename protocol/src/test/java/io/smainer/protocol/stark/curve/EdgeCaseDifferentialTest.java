package io.smainer.protocol.stark.curve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.swmansion.starknet.crypto.StarknetCurve;
import com.swmansion.starknet.data.types.Felt;
import io.smainer.protocol.stark.StarkSignature;
import io.smainer.protocol.stark.StarknetJvmCrypto;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Boundary inputs and hand-crafted signatures, each through both engines: the verdicts, values and
 * refusals must agree (the two deliberate differences are spelled out in their own tests).
 */
class EdgeCaseDifferentialTest {
    private static final BigInteger P = StarkCurve.P;
    private static final BigInteger N = StarkCurve.N;
    private static final BigInteger TWO_251 = BigInteger.ONE.shiftLeft(251);
    private static final BigInteger ONE = BigInteger.ONE;
    private static final List<BigInteger> EDGES = List.of(BigInteger.ZERO, ONE, BigInteger.TWO,
            P.subtract(ONE), P, P.add(ONE), TWO_251.subtract(ONE), TWO_251, TWO_251.add(ONE),
            BigInteger.ONE.shiftLeft(248).subtract(ONE), BigInteger.ONE.shiftLeft(248),
            N.subtract(ONE), N, N.add(ONE), ONE.negate());
    private static final BigInteger KEY = StarkVectorsTest.SJ_PRIVATE_KEY;
    private static final BigInteger PUBLIC_KEY = StarkVectorsTest.SJ_PUBLIC_KEY;

    private final FastStarkCrypto fast = new FastStarkCrypto();
    private final StarknetJvmCrypto reference = new StarknetJvmCrypto();

    @Test
    void verifyTreatsEveryBoundaryCombinationAlike() {
        StarkSignature valid = fast.sign(KEY, BigInteger.valueOf(7));
        List<BigInteger> hashes = concat(EDGES, BigInteger.valueOf(7));
        List<BigInteger> rs = concat(EDGES, valid.r());
        List<BigInteger> ss = concat(EDGES, valid.s(), N.subtract(valid.s()));
        int agreed = 0;
        for (BigInteger h : hashes) {
            for (BigInteger r : rs) {
                for (BigInteger s : ss) {
                    assertThat(fast.verify(PUBLIC_KEY, h, r, s))
                            .as("verify(hash %s, r %s, s %s)", h.toString(16), r.toString(16), s.toString(16))
                            .isEqualTo(reference.verify(PUBLIC_KEY, h, r, s));
                    agreed++;
                }
            }
        }
        for (BigInteger key : concat(EDGES, PUBLIC_KEY, PUBLIC_KEY.add(ONE))) {
            assertThat(fast.verify(key, BigInteger.valueOf(7), valid.r(), valid.s())).as("key %s", key.toString(16))
                    .isEqualTo(reference.verify(key, BigInteger.valueOf(7), valid.r(), valid.s()));
            agreed++;
        }
        // Both signs of s verify (Starknet checks x(R) only); this is not tampering.
        assertThat(fast.verify(PUBLIC_KEY, BigInteger.valueOf(7), valid.r(), N.subtract(valid.s()))).isTrue();
        assertThat(agreed).isGreaterThan(4000);
    }

    @Test
    void pedersenTreatsBoundariesAlike() {
        for (BigInteger a : EDGES) {
            for (BigInteger b : EDGES) {
                assertSameOutcome("pedersen(" + a.toString(16) + ", " + b.toString(16) + ")",
                        () -> fast.pedersen(a, b), () -> reference.pedersen(a, b));
            }
        }
    }

    @Test
    void publicKeysTreatBoundariesAlike() {
        for (BigInteger k : EDGES) {
            assertSameOutcome("publicKey(" + k.toString(16) + ")", () -> fast.publicKey(k), () -> reference.publicKey(k));
        }
    }

    @Test
    void signingTreatsBoundaryHashesAlike() {
        for (BigInteger h : EDGES) {
            assertSameOutcome("sign(hash " + h.toString(16) + ")", () -> fast.sign(KEY, h), () -> reference.sign(KEY, h));
        }
    }

    @Test
    void signingTreatsBoundaryKeysAlike() {
        for (BigInteger k : EDGES) {
            if (k.signum() == 0 || k.equals(N)) {
                continue; // see signingRefusesKeysWithoutPublicKey
            }
            assertSameOutcome("sign(key " + k.toString(16) + ")", () -> fast.sign(k, BigInteger.TEN),
                    () -> reference.sign(k, BigInteger.TEN));
        }
    }

    /**
     * Deliberate difference: starknet-jvm signs with a key ≡ 0 (mod N), which has no public key,
     * so nothing can ever verify the result. We refuse.
     */
    @Test
    void signingRefusesKeysWithoutPublicKey() {
        for (BigInteger k : List.of(BigInteger.ZERO, N)) {
            assertThatThrownBy(() -> fast.sign(k, BigInteger.TEN)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> fast.publicKey(k)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> reference.publicKey(k)).isInstanceOf(Exception.class);
            assertThat(reference.sign(k, BigInteger.TEN)).as("starknet-jvm signs anyway").isNotNull();
        }
    }

    @Test
    void craftedSignatureWithSAbove2To251ButSmallWVerifiesInBoth() {
        // Starknet bounds w = s⁻¹, not s: a valid signature may have s in [2^251, N).
        BigInteger s = TWO_251.add(BigInteger.valueOf(12345));
        assertThat(s.modInverse(N)).isLessThan(TWO_251);
        Crafted c = Crafted.with(fast, KEY, s);
        assertThat(fast.verify(PUBLIC_KEY, c.hash, c.r, s)).isTrue();
        assertThat(reference.verify(PUBLIC_KEY, c.hash, c.r, s)).isTrue();
    }

    @Test
    void craftedSignatureWithWAbove2To251FailsInBoth() {
        BigInteger w = TWO_251.add(BigInteger.valueOf(777));
        BigInteger s = w.modInverse(N);
        Crafted c = Crafted.with(fast, KEY, s);
        assertThat(fast.verify(PUBLIC_KEY, c.hash, c.r, s)).isFalse();
        assertThat(reference.verify(PUBLIC_KEY, c.hash, c.r, s)).isFalse();
    }

    /**
     * s ≥ N: Starknet's range is [1, N). Raw starknet-jvm reduces s mod N first (and so accepts
     * s + N); the reference wrapper applies the range, as we do.
     */
    @Test
    void sAtOrAboveCurveOrderFailsInBoth() {
        BigInteger small = BigInteger.valueOf(3);
        Crafted c = Crafted.with(fast, KEY, small);
        assertThat(fast.verify(PUBLIC_KEY, c.hash, c.r, small)).isTrue();
        assertThat(reference.verify(PUBLIC_KEY, c.hash, c.r, small)).isTrue();
        BigInteger aliased = small.add(N);
        assertThat(aliased).isLessThan(P);
        assertThat(fast.verify(PUBLIC_KEY, c.hash, c.r, aliased)).isFalse();
        assertThat(reference.verify(PUBLIC_KEY, c.hash, c.r, aliased)).isFalse();
        assertThat(StarknetCurve.verify(new Felt(PUBLIC_KEY), new Felt(c.hash), new Felt(c.r), new Felt(aliased)))
                .as("raw starknet-jvm reduces s mod N").isTrue();
    }

    /** z·G = r·Q: x(w·(zG + rQ)) = r holds, but crypto-cpp refuses to add points with equal x. */
    @Test
    void degenerateSumWithEqualTermsFailsInBoth() {
        BigInteger d = KEY;
        for (int k = 2; ; k++) {
            BigInteger nonce = BigInteger.valueOf(k);
            BigInteger r = fast.publicKey(nonce);
            BigInteger z = r.multiply(d).mod(N);
            if (r.compareTo(TWO_251) >= 0 || z.signum() == 0 || z.compareTo(TWO_251) >= 0) {
                continue;
            }
            BigInteger s = z.shiftLeft(1).multiply(nonce.modInverse(N)).mod(N); // w = k / (2z)
            if (s.modInverse(N).compareTo(TWO_251) >= 0) {
                continue;
            }
            assertThat(fast.verify(PUBLIC_KEY, z, r, s)).isFalse();
            assertThat(reference.verify(PUBLIC_KEY, z, r, s)).isFalse();
            // z·G = −r·Q: the sum is the point at infinity.
            BigInteger zNeg = N.subtract(z);
            if (zNeg.compareTo(TWO_251) < 0) {
                assertThat(fast.verify(PUBLIC_KEY, zNeg, r, s)).isFalse();
                assertThat(reference.verify(PUBLIC_KEY, zNeg, r, s)).isFalse();
            }
            return;
        }
    }

    private static void assertSameOutcome(String what, Callable<Object> ours, Callable<Object> theirs) {
        Object a = outcome(ours);
        Object b = outcome(theirs);
        if (b instanceof Exception) {
            assertThat(a).as("%s: starknet-jvm throws %s", what, b).isInstanceOf(IllegalArgumentException.class);
        } else {
            assertThat(a).as(what).isEqualTo(b);
        }
    }

    private static Object outcome(Callable<Object> c) {
        try {
            return Objects.requireNonNull(c.call());
        } catch (Exception e) {
            return e;
        }
    }

    private static List<BigInteger> concat(List<BigInteger> base, BigInteger... more) {
        List<BigInteger> all = new java.util.ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    /** A valid (hash, r) for a chosen s under {@code key}: r = x(k·G), hash = s·k − r·key mod N. */
    private record Crafted(BigInteger hash, BigInteger r) {
        static Crafted with(FastStarkCrypto crypto, BigInteger key, BigInteger s) {
            for (int k = 2; ; k++) {
                BigInteger nonce = BigInteger.valueOf(k);
                BigInteger r = crypto.publicKey(nonce);
                BigInteger hash = s.multiply(nonce).subtract(r.multiply(key)).mod(N);
                if (r.compareTo(TWO_251) < 0 && hash.signum() > 0 && hash.compareTo(TWO_251) < 0) {
                    return new Crafted(hash, r);
                }
            }
        }
    }
}
