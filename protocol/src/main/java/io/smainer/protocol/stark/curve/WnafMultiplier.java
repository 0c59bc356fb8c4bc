package io.smainer.protocol.stark.curve;

/**
 * Variable-base scalar multiplication k·Q with a width-w non-adjacent form: odd multiples
 * Q, 3Q, …, (2^(w−1) − 1)Q are computed per call, then one doubling per bit and one addition per
 * non-zero digit (about bits/(w+1) of them).
 */
final class WnafMultiplier {
    static final int WIDTH = 5;
    private static final int ODD_MULTIPLES = 1 << (WIDTH - 2);

    private WnafMultiplier() {}

    /** out = k·(qx, qy) on the curve of {@code ops}; {@code k} is little-endian limbs below 2^256. */
    static void multiply(PointArithmetic ops, FieldElement qx, FieldElement qy, long[] k, JacobianPoint out) {
        byte[] digits = new byte[258];
        int top = recode(k, digits);
        out.setInfinity();
        if (top < 0) {
            return;
        }
        JacobianPoint[] odd = oddMultiples(ops, qx, qy);
        for (int i = top; i >= 0; i--) {
            if (!out.isInfinity()) {
                ops.dbl(out);
            }
            int d = digits[i];
            if (d != 0) {
                ops.add(out, odd[Math.abs(d) >>> 1], d < 0);
            }
        }
    }

    /** Q, 3Q, 5Q, …: entry i holds (2i + 1)·Q. */
    private static JacobianPoint[] oddMultiples(PointArithmetic ops, FieldElement qx, FieldElement qy) {
        JacobianPoint[] odd = new JacobianPoint[ODD_MULTIPLES];
        odd[0] = new JacobianPoint().setAffine(qx, qy);
        JacobianPoint twice = new JacobianPoint().set(odd[0]);
        ops.dbl(twice);
        for (int i = 1; i < ODD_MULTIPLES; i++) {
            odd[i] = new JacobianPoint().set(odd[i - 1]);
            ops.add(odd[i], twice, false);
        }
        return odd;
    }

    /**
     * Writes the wNAF digits of k (least significant first) and returns the index of the top
     * non-zero digit, or −1 for k = 0.
     */
    static int recode(long[] k, byte[] digits) {
        long[] v = {k[0], k[1], k[2], k[3], 0};
        int mask = (1 << WIDTH) - 1;
        int top = -1;
        int i = 0;
        while ((v[0] | v[1] | v[2] | v[3] | v[4]) != 0) {
            int d = 0;
            if ((v[0] & 1) != 0) {
                d = (int) (v[0] & mask);
                if (d >= 1 << (WIDTH - 1)) {
                    d -= 1 << WIDTH;
                }
                addSmall(v, -d);
                top = i;
            }
            digits[i++] = (byte) d;
            shiftRightOne(v);
        }
        return top;
    }

    /** v += delta for |delta| < 2^WIDTH (v stays non-negative by construction). */
    private static void addSmall(long[] v, long delta) {
        if (delta >= 0) {
            long c = delta;
            for (int j = 0; j < v.length && c != 0; j++) {
                v[j] += c;
                c = Limbs.carry(v[j], c);
            }
        } else {
            long b = -delta;
            for (int j = 0; j < v.length && b != 0; j++) {
                long before = v[j];
                v[j] = before - b;
                b = Limbs.borrow(before, b);
            }
        }
    }

    private static void shiftRightOne(long[] v) {
        for (int j = 0; j < v.length - 1; j++) {
            v[j] = (v[j] >>> 1) | (v[j + 1] << 63);
        }
        v[v.length - 1] >>>= 1;
    }
}
