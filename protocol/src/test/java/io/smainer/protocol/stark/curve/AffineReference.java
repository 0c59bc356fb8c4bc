package io.smainer.protocol.stark.curve;

import java.math.BigInteger;

/** Textbook affine arithmetic on the Stark curve in BigInteger: slow, obviously right, for tests. */
final class AffineReference {
    private static final BigInteger P = StarkCurve.P;

    private AffineReference() {}

    /** p + q; null is the point at infinity. */
    static BigInteger[] add(BigInteger[] p, BigInteger[] q) {
        if (p == null) {
            return q;
        }
        if (q == null) {
            return p;
        }
        BigInteger lambda;
        if (p[0].equals(q[0])) {
            if (p[1].add(q[1]).mod(P).signum() == 0) {
                return null;
            }
            lambda = p[0].pow(2).multiply(BigInteger.valueOf(3)).add(StarkCurve.ALPHA)
                    .multiply(p[1].shiftLeft(1).modInverse(P)).mod(P);
        } else {
            lambda = q[1].subtract(p[1]).multiply(q[0].subtract(p[0]).modInverse(P)).mod(P);
        }
        BigInteger x = lambda.pow(2).subtract(p[0]).subtract(q[0]).mod(P);
        BigInteger y = lambda.multiply(p[0].subtract(x)).subtract(p[1]).mod(P);
        return new BigInteger[] {x, y};
    }

    static BigInteger[] negate(BigInteger[] p) {
        return p == null ? null : new BigInteger[] {p[0], p[1].negate().mod(P)};
    }

    /** k·p by double-and-add. */
    static BigInteger[] multiply(BigInteger k, BigInteger[] p) {
        BigInteger[] result = null;
        BigInteger[] power = p;
        for (int i = 0; i < k.bitLength(); i++) {
            if (k.testBit(i)) {
                result = add(result, power);
            }
            power = add(power, power);
        }
        return result;
    }

    /** Affine coordinates of a Jacobian point; null at infinity. */
    static BigInteger[] of(JacobianPoint j) {
        if (j.isInfinity()) {
            return null;
        }
        BigInteger z = j.z.toBigInteger();
        BigInteger zInv = z.modInverse(P);
        BigInteger x = j.x.toBigInteger().multiply(zInv.pow(2)).mod(P);
        BigInteger y = j.y.toBigInteger().multiply(zInv.pow(3)).mod(P);
        return new BigInteger[] {x, y};
    }

    static JacobianPoint jacobian(BigInteger[] p) {
        JacobianPoint j = new JacobianPoint();
        return p == null ? j.setInfinity() : j.setAffine(FieldElement.of(p[0]), FieldElement.of(p[1]));
    }
}
