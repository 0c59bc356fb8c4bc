package io.smainer.protocol.stark.curve;

import java.math.BigInteger;

/**
 * The Stark curve y² = x³ + α·x + β over P, its generator, its order and the Pedersen constant
 * points. These are published constants (starkware-libs/crypto-cpp {@code elliptic_curve_constants},
 * the Starknet documentation, starknet-jvm); the tests check them against vectors.json and the
 * reference engine.
 */
final class StarkCurve {
    /** P = 2^251 + 17·2^192 + 1. */
    static final BigInteger P = hex("800000000000011000000000000000000000000000000000000000000000001");
    /** Order of the curve group (prime; the cofactor is 1). */
    static final BigInteger N = hex("800000000000010ffffffffffffffffb781126dcae7b2321e66a241adc64d2f");
    /** Starknet's bound for message hashes, r and w: 2^251. */
    static final BigInteger TWO_251 = BigInteger.ONE.shiftLeft(251);
    /** α = 1. */
    static final BigInteger ALPHA = BigInteger.ONE;
    static final BigInteger BETA = hex("6f21413efbe40de150e596d72f7a8c5609ad26c15c915c1f4cdfcb99cee9e89");

    static final BigInteger[] GENERATOR = point(
            "1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca",
            "5668060aa49730b7be4801df46ec62de53ecd11abe43a32873000c36e8dc1f");
    /** Pedersen shift point P0 (crypto-cpp k_points[0]). */
    static final BigInteger[] PEDERSEN_SHIFT = point(
            "49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804",
            "3ca0cfe4b3bc6ddf346d49d06ea0ed34e621062c0e056c1d0405d266e10268a");
    /** P1: multiplies the low 248 bits of the first input. */
    static final BigInteger[] PEDERSEN_P1 = point(
            "234287dcbaffe7f969c748655fca9e58fa8120b6d56eb0c1080d17957ebe47b",
            "3b056f100f96fb21e889527d41f4e39940135dd7a6c94cc6ed0268ee89e5615");
    /** P2: multiplies the high 4 bits of the first input. */
    static final BigInteger[] PEDERSEN_P2 = point(
            "4fa56f376c83db33f9dab2656558f3399099ec1de5e3018b7a6932dba8aa378",
            "3fa0984c931c9e38113e0c0e47e4401562761f92a7a23b45168f4e80ff5b54d");
    /** P3: multiplies the low 248 bits of the second input. */
    static final BigInteger[] PEDERSEN_P3 = point(
            "4ba4cc166be8dec764910f75b45f74b40c690c74709e90f3aa372f0bd2d6997",
            "40301cf5c1751f4b971e46c4ede85fcac5c59a5ce5ae7c48151f27b24b219c");
    /** P4: multiplies the high 4 bits of the second input. */
    static final BigInteger[] PEDERSEN_P4 = point(
            "54302dcb0e6cc1c6e44cca8f61a63bb2ca65048d53fb325d36ff12c49a58202",
            "1b77b3e37d13504b348046268d8ae25ce98ad783c25561a879dcc77e99c2426");

    private StarkCurve() {}

    /** True when (x, y) satisfies the curve equation. */
    static boolean isOnCurve(BigInteger x, BigInteger y) {
        BigInteger rhs = x.pow(3).add(ALPHA.multiply(x)).add(BETA).mod(P);
        return y.pow(2).mod(P).equals(rhs);
    }

    private static BigInteger hex(String h) {
        return new BigInteger(h, 16);
    }

    private static BigInteger[] point(String x, String y) {
        return new BigInteger[] {hex(x), hex(y)};
    }
}
