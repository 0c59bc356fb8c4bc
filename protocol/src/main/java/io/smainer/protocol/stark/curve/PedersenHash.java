package io.smainer.protocol.stark.curve;

import io.smainer.protocol.stark.Felts;
import java.math.BigInteger;

/**
 * Starknet's Pedersen hash: H(a, b) = x(P0 + a_low·P1 + a_high·P2 + b_low·P3 + b_high·P4), where
 * a_low is the low 248 bits of a and a_high its top 4 bits. The four products come from
 * precomputed tables, so one hash is about a hundred mixed additions and one inversion.
 */
final class PedersenHash {
    private static final long LOW_TOP_LIMB_MASK = (1L << 56) - 1; // 248 = 3·64 + 56

    private PedersenHash() {}

    /** @throws IllegalArgumentException when a or b is not a field element (as starknet-jvm's Felt) */
    static BigInteger hash(BigInteger a, BigInteger b) {
        if (!Felts.isFelt(a) || !Felts.isFelt(b)) {
            throw new IllegalArgumentException("Pedersen inputs must be field elements in [0, P)");
        }
        PointArithmetic ops = PointArithmetic.starkCurve();
        JacobianPoint acc = new JacobianPoint().setAffine(
                FieldElement.of(StarkCurve.PEDERSEN_SHIFT[0]), FieldElement.of(StarkCurve.PEDERSEN_SHIFT[1]));
        long[] al = Limbs.of(a);
        long[] bl = Limbs.of(b);
        CurveTables.pedersenP1().addMultiple(ops, acc, low(al));
        CurveTables.pedersenP2().addMultiple(ops, acc, high(al));
        CurveTables.pedersenP3().addMultiple(ops, acc, low(bl));
        CurveTables.pedersenP4().addMultiple(ops, acc, high(bl));
        if (acc.isInfinity()) {
            // Unreachable for field elements by the choice of the constant points.
            throw new ArithmeticException("Pedersen sum is the point at infinity");
        }
        return PointArithmetic.affineX(acc).toBigInteger();
    }

    private static long[] low(long[] v) {
        return new long[] {v[0], v[1], v[2], v[3] & LOW_TOP_LIMB_MASK};
    }

    private static long[] high(long[] v) {
        return new long[] {v[3] >>> 56, 0, 0, 0};
    }
}
