package io.smainer.protocol.stark.curve;

import static org.assertj.core.api.Assertions.assertThat;

import io.smainer.protocol.stark.StarkSignature;
import io.smainer.protocol.stark.StarkVerifyingKey;
import io.smainer.protocol.stark.StarknetJvmCrypto;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The random differential checks against starknet-jvm, shared by the default suite and the long
 * one, which differ only in counts. Inputs are drawn up front from one seeded generator (so a
 * printed seed replays the exact run) and then checked on all cores.
 */
final class DifferentialChecks {
    private static final int MAX_REPORTED = 5;

    final FastStarkCrypto fast = new FastStarkCrypto();
    final StarknetJvmCrypto reference = new StarknetJvmCrypto();
    private final StarkInputs inputs;

    DifferentialChecks(StarkInputs inputs) {
        this.inputs = inputs;
    }

    void pedersenHashesEqual(int count) {
        List<BigInteger[]> pairs = draw(count, i -> new BigInteger[] {inputs.felt(), inputs.felt()});
        assertNoFailures("pedersen", count, i -> {
            BigInteger[] p = pairs.get(i);
            BigInteger ours = fast.pedersen(p[0], p[1]);
            BigInteger theirs = reference.pedersen(p[0], p[1]);
            return ours.equals(theirs) ? null : "pedersen(" + hex(p[0]) + ", " + hex(p[1]) + ") = " + hex(ours)
                    + ", starknet-jvm " + hex(theirs);
        });
    }

    void publicKeysEqual(int count) {
        List<BigInteger> keys = draw(count, i -> inputs.privateKey());
        assertNoFailures("public keys", count, i -> {
            BigInteger ours = fast.publicKey(keys.get(i));
            BigInteger theirs = reference.publicKey(keys.get(i));
            return ours.equals(theirs) ? null : "public key of key #" + i + ": " + hex(ours) + " vs " + hex(theirs);
        });
    }

    /**
     * Our signatures verified by starknet-jvm (and by us); every {@code tamperEvery}-th one is also
     * tampered with (hash, r, s, key) and must then be rejected by both.
     */
    void ourSignaturesVerifiedByReference(int count, int tamperEvery) {
        List<BigInteger[]> cases = draw(count, i -> new BigInteger[] {
            inputs.privateKey(), inputs.hash(), inputs.privateKey(), BigInteger.valueOf(inputs.nextInt(251))});
        assertNoFailures("our signatures", count, i -> {
            BigInteger[] c = cases.get(i);
            BigInteger publicKey = fast.publicKey(c[0]);
            BigInteger hash = c[1];
            StarkSignature sig = fast.sign(c[0], hash);
            if (!reference.verify(publicKey, hash, sig.r(), sig.s())) {
                return "starknet-jvm rejects our signature of " + hex(hash) + " with key #" + i;
            }
            if (!fast.verify(publicKey, hash, sig.r(), sig.s())) {
                return "we reject our own signature of " + hex(hash) + " with key #" + i;
            }
            if (i % tamperEvery != 0) {
                return null;
            }
            BigInteger otherKey = fast.publicKey(c[2]);
            BigInteger flippedHash = hash.flipBit(c[3].intValue());
            BigInteger[][] tampered = {
                {publicKey, flippedHash, sig.r(), sig.s()},
                {publicKey, hash, sig.r().add(BigInteger.ONE), sig.s()},
                {publicKey, hash, sig.r(), sig.s().add(BigInteger.ONE)},
                {otherKey, hash, sig.r(), sig.s()},
            };
            for (BigInteger[] t : tampered) {
                boolean ours = fast.verify(t[0], t[1], t[2], t[3]);
                boolean theirs = reference.verify(t[0], t[1], t[2], t[3]);
                if (ours || theirs) {
                    return "tampered signature #" + i + " accepted (ours " + ours + ", starknet-jvm " + theirs + ")";
                }
            }
            return null;
        });
    }

    /**
     * Prepared keys ({@link FastStarkCrypto#verifyingKey}) against starknet-jvm: a valid signature, one by
     * N − d (the other point with the same x), and tampered hash, r, s, and another key's prepared form,
     * which must all get starknet-jvm's verdict.
     */
    void preparedKeysAgreeWithReference(int count) {
        List<BigInteger[]> cases = draw(count, i -> new BigInteger[] {
            inputs.privateKey(), inputs.hash(), inputs.privateKey(), BigInteger.valueOf(inputs.nextInt(251))});
        assertNoFailures("prepared keys", count, i -> {
            BigInteger[] c = cases.get(i);
            BigInteger publicKey = fast.publicKey(c[0]);
            BigInteger hash = c[1];
            StarkSignature sig = fast.sign(c[0], hash);
            StarkSignature otherY = fast.sign(StarkCurve.N.subtract(c[0]), hash);
            StarkVerifyingKey prepared = fast.verifyingKey(publicKey);
            StarkVerifyingKey otherKey = fast.verifyingKey(fast.publicKey(c[2]));
            Object[][] checks = {
                {prepared, hash, sig.r(), sig.s()},
                {prepared, hash, otherY.r(), otherY.s()},
                {prepared, hash.flipBit(c[3].intValue()), sig.r(), sig.s()},
                {prepared, hash, sig.r().add(BigInteger.ONE), sig.s()},
                {prepared, hash, sig.r(), sig.s().add(BigInteger.ONE)},
                {otherKey, hash, sig.r(), sig.s()},
            };
            for (int k = 0; k < checks.length; k++) {
                StarkVerifyingKey key = (StarkVerifyingKey) checks[k][0];
                BigInteger h = (BigInteger) checks[k][1];
                BigInteger r = (BigInteger) checks[k][2];
                BigInteger s = (BigInteger) checks[k][3];
                boolean ours = key.verify(h, r, s);
                boolean theirs = reference.verify(key.publicKey(), h, r, s);
                if (ours != theirs || (k < 2 && !ours)) {
                    return "prepared key #" + i + ", check " + k + ": ours " + ours + ", starknet-jvm " + theirs;
                }
            }
            return null;
        });
    }

    /** starknet-jvm's signatures: equal to ours to the bit, and verified by us. */
    void referenceSignaturesEqualAndVerified(int count) {
        List<BigInteger[]> cases = draw(count, i -> new BigInteger[] {inputs.privateKey(), inputs.hash()});
        assertNoFailures("starknet-jvm signatures", count, i -> {
            BigInteger[] c = cases.get(i);
            StarkSignature theirs = reference.sign(c[0], c[1]);
            StarkSignature ours = fast.sign(c[0], c[1]);
            if (!theirs.equals(ours)) {
                return "signature of " + hex(c[1]) + " with key #" + i + " differs: " + theirs.rHex() + "/"
                        + theirs.sHex() + " vs ours " + ours.rHex() + "/" + ours.sHex();
            }
            BigInteger publicKey = fast.publicKey(c[0]);
            return fast.verify(publicKey, c[1], theirs.r(), theirs.s()) ? null
                    : "we reject starknet-jvm's signature of " + hex(c[1]) + " with key #" + i;
        });
    }

    private <T> List<T> draw(int count, IntFunction<T> next) {
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next.apply(i));
        }
        return out;
    }

    /** Runs {@code check} for 0..count−1 in parallel; each returns null or a failure description. */
    private static void assertNoFailures(String what, int count, IntFunction<String> check) {
        long start = System.nanoTime();
        List<String> failures = IntStream.range(0, count).parallel()
                .mapToObj(check)
                .filter(Objects::nonNull)
                .collect(Collectors.toList());
        System.out.printf("%s: %d checked in %.1f s, %d failures%n", what, count,
                (System.nanoTime() - start) / 1e9, failures.size());
        assertThat(failures).as("%s: %d of %d differ, first ones: %s", what, failures.size(), count,
                failures.subList(0, Math.min(MAX_REPORTED, failures.size()))).isEmpty();
    }

    static String hex(BigInteger v) {
        return "0x" + v.toString(16);
    }
}
