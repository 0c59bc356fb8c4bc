package io.smainer.protocol.stark.curve;

import static org.assertj.core.api.Assertions.assertThat;

import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkSignature;
import io.smainer.protocol.stark.StarkVerifyingKey;
import io.smainer.protocol.stark.StarknetJvmCrypto;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@link FastStarkCrypto#verifyingKey}: a prepared key must give the verdict of the plain
 * {@code verify} and of starknet-jvm for every input, invalid keys and signatures included.
 */
class PreparedVerifyingKeyTest {
    private static final BigInteger P = StarkCurve.P;
    private static final BigInteger N = StarkCurve.N;
    private static final BigInteger TWO_251 = BigInteger.ONE.shiftLeft(251);
    private static final BigInteger ONE = BigInteger.ONE;
    private static final BigInteger KEY = StarkVectorsTest.SJ_PRIVATE_KEY;
    private static final BigInteger PUBLIC_KEY = StarkVectorsTest.SJ_PUBLIC_KEY;
    private static final List<BigInteger> EDGES = List.of(BigInteger.ZERO, ONE, BigInteger.TWO, P.subtract(ONE), P,
            TWO_251.subtract(ONE), TWO_251, N.subtract(ONE), N, ONE.negate());

    private final FastStarkCrypto fast = new FastStarkCrypto();
    private final StarknetJvmCrypto reference = new StarknetJvmCrypto();

    @Test
    void verifiesValidSignaturesAndRejectsTamperedOnes() {
        StarkVerifyingKey key = fast.verifyingKey(PUBLIC_KEY);
        assertThat(key.publicKey()).isEqualTo(PUBLIC_KEY);
        for (int i = 1; i <= 20; i++) {
            BigInteger hash = BigInteger.valueOf(i).shiftLeft(8 * i).add(BigInteger.valueOf(977));
            StarkSignature sig = fast.sign(KEY, hash);
            assertThat(key.verify(hash, sig.r(), sig.s())).as("signature %d", i).isTrue();
            assertThat(key.verify(hash.add(ONE), sig.r(), sig.s())).as("other hash %d", i).isFalse();
            assertThat(key.verify(hash, sig.r().add(ONE), sig.s())).as("other r %d", i).isFalse();
            assertThat(key.verify(hash, sig.r(), sig.s().add(ONE))).as("other s %d", i).isFalse();
            // Starknet checks x(R) only: s and N − s both verify.
            assertThat(key.verify(hash, sig.r(), N.subtract(sig.s()))).as("negated s %d", i).isTrue();
        }
    }

    @Test
    void wrongKeyRejects() {
        BigInteger hash = BigInteger.valueOf(123456789);
        StarkSignature sig = fast.sign(KEY, hash);
        StarkVerifyingKey other = fast.verifyingKey(fast.publicKey(BigInteger.valueOf(0x1234567)));
        assertThat(other.verify(hash, sig.r(), sig.s())).isFalse();
        assertThat(fast.verifyingKey(PUBLIC_KEY).verify(hash, sig.r(), sig.s())).isTrue();
    }

    /** d and N − d share the x-only key (points Q and −Q, the two y): both signers verify with one prepared key. */
    @Test
    void bothPointsOfTheXOnlyKeyVerify() {
        BigInteger negated = N.subtract(KEY);
        assertThat(fast.publicKey(negated)).isEqualTo(PUBLIC_KEY);
        StarkVerifyingKey key = fast.verifyingKey(PUBLIC_KEY);
        for (int i = 1; i <= 10; i++) {
            BigInteger hash = BigInteger.valueOf(31L * i + 5);
            StarkSignature withQ = fast.sign(KEY, hash);
            StarkSignature withMinusQ = fast.sign(negated, hash);
            assertThat(key.verify(hash, withQ.r(), withQ.s())).isTrue();
            assertThat(key.verify(hash, withMinusQ.r(), withMinusQ.s())).isTrue();
            assertThat(reference.verify(PUBLIC_KEY, hash, withMinusQ.r(), withMinusQ.s())).isTrue();
        }
    }

    @Test
    void keysThatAreNotCurvePointsRefuseEverything() {
        BigInteger hash = BigInteger.valueOf(7);
        StarkSignature sig = fast.sign(KEY, hash);
        List<BigInteger> keys = new ArrayList<>(EDGES);
        keys.add(PUBLIC_KEY.add(ONE));
        keys.add(P.add(PUBLIC_KEY));
        keys.add(null);
        int offCurve = 0;
        for (BigInteger k : keys) {
            StarkVerifyingKey prepared = fast.verifyingKey(k);
            boolean expected = k != null && reference.verify(k, hash, sig.r(), sig.s());
            assertThat(prepared.verify(hash, sig.r(), sig.s())).as("key %s", k).isEqualTo(expected).isFalse();
            if (prepared instanceof PreparedVerifyingKey p && !p.isOnCurve()) {
                offCurve++;
            }
        }
        assertThat(offCurve).isGreaterThan(0);
    }

    /** The boundary matrix of EdgeCaseDifferentialTest, through a prepared key: same verdicts as both engines. */
    @Test
    void boundaryInputsGiveThePlainVerdicts() {
        StarkVerifyingKey key = fast.verifyingKey(PUBLIC_KEY);
        StarkSignature valid = fast.sign(KEY, BigInteger.valueOf(7));
        List<BigInteger> hashes = concat(EDGES, BigInteger.valueOf(7));
        List<BigInteger> rs = concat(EDGES, valid.r());
        List<BigInteger> ss = concat(EDGES, valid.s(), N.subtract(valid.s()), valid.s().add(N));
        int accepted = 0;
        for (BigInteger h : hashes) {
            for (BigInteger r : rs) {
                for (BigInteger s : ss) {
                    boolean plain = fast.verify(PUBLIC_KEY, h, r, s);
                    assertThat(key.verify(h, r, s)).as("hash %s, r %s, s %s", h, r, s).isEqualTo(plain)
                            .isEqualTo(reference.verify(PUBLIC_KEY, h, r, s));
                    accepted += plain ? 1 : 0;
                }
            }
        }
        assertThat(accepted).isEqualTo(2); // s and N − s with the valid hash and r
    }

    @Test
    void oneKeyServesManyThreads() throws Exception {
        StarkVerifyingKey key = fast.verifyingKey(PUBLIC_KEY);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 1; i <= 40; i++) {
                BigInteger hash = BigInteger.valueOf(1000 + i);
                boolean tamper = i % 3 == 0;
                checks.add(pool.submit(() -> {
                    StarkSignature sig = fast.sign(KEY, hash);
                    return key.verify(tamper ? hash.add(ONE) : hash, sig.r(), sig.s()) != tamper;
                }));
            }
            for (Future<Boolean> f : checks) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void defaultVerifyingKeyOfAnEngineDelegatesToVerify() {
        StarkCrypto engine = reference;
        BigInteger hash = BigInteger.valueOf(99);
        StarkSignature sig = fast.sign(KEY, hash);
        StarkVerifyingKey key = engine.verifyingKey(PUBLIC_KEY);
        assertThat(key.publicKey()).isEqualTo(PUBLIC_KEY);
        assertThat(key.verify(hash, sig.r(), sig.s())).isTrue();
        assertThat(key.verify(hash.add(ONE), sig.r(), sig.s())).isFalse();
    }

    private static List<BigInteger> concat(List<BigInteger> base, BigInteger... more) {
        List<BigInteger> out = new ArrayList<>(base);
        out.addAll(List.of(more));
        return out;
    }
}
