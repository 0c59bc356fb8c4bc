package io.smainer.protocol.stark.curve;

import java.math.BigInteger;

/**
 * Precomputed multiples of one fixed point B for scalars below 2^bits: for every w-bit window i and
 * every digit d in [1, 2^(w−1)], the affine point d·2^(w·i)·B. A scalar is recoded into signed
 * digits in [−2^(w−1), 2^(w−1)], so k·B costs one mixed addition per non-zero window and no
 * doublings at all. The table is immutable once built and safe to share between threads.
 */
final class FixedBaseTable {
    private static final int LONGS_PER_POINT = 8;

    private final int window;
    private final int half;
    private final int windows;
    private final long[] points;

    /**
     * Builds the table for base point (x, y) and scalars below 2^{@code bits}.
     *
     * @param window digit width w (2 to 16); the table holds ⌈(bits+1)/w⌉·2^(w−1) points
     */
    FixedBaseTable(BigInteger[] base, int bits, int window) {
        this(PointArithmetic.starkCurve(), FieldElement.of(base[0]), FieldElement.of(base[1]), bits, window);
    }

    /**
     * Builds the table for the affine point (bx, by) (Montgomery form) on the curve of {@code ops}. The point
     * must have prime order above 2^(w−1), so that no entry is at infinity: true for every point of the Stark
     * curve's group of order N and for its image on an isomorphic curve.
     */
    FixedBaseTable(PointArithmetic ops, FieldElement bx, FieldElement by, int bits, int window) {
        if (window < 2 || window > 16) {
            throw new IllegalArgumentException("window must be in [2, 16]: " + window);
        }
        this.window = window;
        this.half = 1 << (window - 1);
        // One spare bit so the final signed-digit carry always lands inside the table.
        this.windows = (bits + 1 + window - 1) / window;
        this.points = new long[windows * half * LONGS_PER_POINT];
        build(ops, bx, by);
    }

    /** acc = acc + k·B, where {@code k} holds little-endian 64-bit limbs of a scalar below 2^bits. */
    void addMultiple(PointArithmetic ops, JacobianPoint acc, long[] k) {
        int carry = 0;
        for (int i = 0; i < windows; i++) {
            int d = Limbs.bits(k, i * window, window) + carry;
            carry = 0;
            if (d > half) {
                d -= 1 << window;
                carry = 1;
            }
            if (d != 0) {
                int entry = i * half + Math.abs(d) - 1;
                ops.addAffine(acc, points, entry * LONGS_PER_POINT, d < 0);
            }
        }
    }

    /** Number of precomputed points (for sizing decisions and tests). */
    int size() {
        return windows * half;
    }

    private void build(PointArithmetic ops, FieldElement bx, FieldElement by) {
        int n = windows * half;
        JacobianPoint[] all = new JacobianPoint[n];
        JacobianPoint windowBase = new JacobianPoint().setAffine(bx, by);
        for (int i = 0; i < windows; i++) {
            JacobianPoint cur = new JacobianPoint().set(windowBase);
            for (int d = 1; d <= half; d++) {
                all[i * half + d - 1] = new JacobianPoint().set(cur);
                if (d < half) {
                    ops.add(cur, windowBase, false);
                }
            }
            // cur = 2^(w−1)·base_i, so one doubling gives base_{i+1} = 2^w·base_i.
            ops.dbl(cur);
            windowBase = cur;
        }
        normalize(all);
    }

    /** Converts all points to affine with a single inversion (Montgomery's batch trick). */
    private void normalize(JacobianPoint[] all) {
        int n = all.length;
        FieldElement[] prefix = new FieldElement[n];
        FieldElement acc = FieldElement.one();
        for (int i = 0; i < n; i++) {
            if (all[i].isInfinity()) {
                throw new IllegalStateException("fixed-base multiple at infinity: the base is not of prime order");
            }
            prefix[i] = new FieldElement().set(acc);
            acc.mul(acc, all[i].z);
        }
        FieldElement inv = FieldInversion.invert(acc);
        FieldElement zInv = new FieldElement();
        FieldElement zInv2 = new FieldElement();
        FieldElement coord = new FieldElement();
        for (int i = n - 1; i >= 0; i--) {
            zInv.mul(inv, prefix[i]);
            inv.mul(inv, all[i].z);
            zInv2.sqr(zInv);
            coord.mul(all[i].x, zInv2).store(points, i * LONGS_PER_POINT);
            coord.mul(all[i].y, zInv2).mul(coord, zInv).store(points, i * LONGS_PER_POINT + 4);
        }
    }
}
