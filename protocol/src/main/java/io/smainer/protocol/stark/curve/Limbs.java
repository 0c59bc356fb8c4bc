package io.smainer.protocol.stark.curve;

import java.math.BigInteger;

/** 64-bit limb primitives shared by the field and scalar code: carries, borrows and conversions. */
final class Limbs {
    private Limbs() {}

    /** 1 when {@code sum = x + addend} overflowed (unsigned), else 0. */
    static long carry(long sum, long addend) {
        return borrow(sum, addend);
    }

    /**
     * 1 when {@code a − b} borrows (unsigned {@code a < b}), else 0. Branch-free on purpose: carries
     * are data-dependent coin flips, and a mispredicted branch per limb costs more than the product.
     */
    static long borrow(long a, long b) {
        return ((~a & b) | ((~a | b) & (a - b))) >>> 63;
    }

    /** Carry out of {@code sum = x + y + carryIn} (Hacker's Delight 2-13), branch-free. */
    static long fullCarry(long x, long y, long sum) {
        return ((x & y) | ((x | y) & ~sum)) >>> 63;
    }

    /** Borrow out of {@code diff = x − y − borrowIn}, branch-free. */
    static long fullBorrow(long x, long y, long diff) {
        return ((~x & y) | ((~x | y) & diff)) >>> 63;
    }

    /** High 64 bits of the unsigned 128-bit product (Java 17 has only the signed intrinsic). */
    static long mulHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    /** Four little-endian limbs of a non-negative value below 2^256. */
    static long[] of(BigInteger v) {
        if (v.signum() < 0 || v.bitLength() > 256) {
            throw new IllegalArgumentException("value does not fit 256 bits");
        }
        byte[] be = v.toByteArray();
        long[] out = new long[4];
        int n = Math.min(be.length, 32);
        for (int i = 0; i < n; i++) {
            int bit = 8 * i;
            out[bit >>> 6] |= (be[be.length - 1 - i] & 0xFFL) << (bit & 63);
        }
        return out;
    }

    static BigInteger toBigInteger(long l0, long l1, long l2, long l3) {
        byte[] be = new byte[33];
        long[] l = {l0, l1, l2, l3};
        for (int i = 0; i < 32; i++) {
            be[32 - i] = (byte) (l[i >>> 3] >>> (8 * (i & 7)));
        }
        return new BigInteger(be);
    }

    /** Bits {@code [pos, pos + width)} of the little-endian limbs (zero beyond the top), width ≤ 32. */
    static int bits(long[] limbs, int pos, int width) {
        int idx = pos >>> 6;
        int sh = pos & 63;
        if (idx >= limbs.length) {
            return 0;
        }
        long v = limbs[idx] >>> sh;
        if (sh + width > 64 && idx + 1 < limbs.length) {
            v |= limbs[idx + 1] << (64 - sh);
        }
        return (int) (v & ((1L << width) - 1));
    }
}
