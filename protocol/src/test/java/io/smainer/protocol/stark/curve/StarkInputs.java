package io.smainer.protocol.stark.curve;

import java.math.BigInteger;
import java.util.Random;

/**
 * Seeded random inputs for the differential tests. The seed comes from {@code -Dstark.seed=…} when
 * given (to replay a failure), else from the clock; every suite prints the seed it used.
 */
final class StarkInputs {
    static final BigInteger P = StarkCurve.P;
    static final BigInteger N = StarkCurve.N;
    static final BigInteger TWO_248 = BigInteger.ONE.shiftLeft(248);
    static final BigInteger TWO_251 = BigInteger.ONE.shiftLeft(251);

    private final Random random;

    private StarkInputs(long seed) {
        this.random = new Random(seed);
    }

    /** A generator for {@code suite}, printing the seed so any failure can be replayed. */
    static StarkInputs forSuite(String suite) {
        String fixed = System.getProperty("stark.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : System.nanoTime();
        System.out.println(suite + ": stark.seed=" + seed + " (replay with -Dstark.seed=" + seed + ")");
        return new StarkInputs(seed);
    }

    /** A field element in [0, P); one in eight is small or near a boundary. */
    BigInteger felt() {
        return switch (random.nextInt(8)) {
            case 0 -> BigInteger.valueOf(random.nextInt(1 << 16));
            case 1 -> P.subtract(BigInteger.valueOf(1 + random.nextInt(1 << 16)));
            default -> below(P);
        };
    }

    /**
     * A signable hash in [1, 2^251) with a random bit length, so both RFC 6979 input shapes occur:
     * hashes ≥ 2^248 (32 bytes, shifted by bits2int) and shorter ones.
     */
    BigInteger hash() {
        if (random.nextBoolean()) {
            return positiveBelow(TWO_251);
        }
        int bits = 1 + random.nextInt(251);
        BigInteger v = new BigInteger(bits, random).setBit(bits - 1);
        return v;
    }

    /** A private key in [1, N). */
    BigInteger privateKey() {
        return positiveBelow(N);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private BigInteger positiveBelow(BigInteger bound) {
        BigInteger v;
        do {
            v = below(bound);
        } while (v.signum() == 0);
        return v;
    }

    private BigInteger below(BigInteger bound) {
        BigInteger v;
        do {
            v = new BigInteger(bound.bitLength(), random);
        } while (v.compareTo(bound) >= 0);
        return v;
    }
}
