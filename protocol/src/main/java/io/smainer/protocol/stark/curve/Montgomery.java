package io.smainer.protocol.stark.curve;

import static io.smainer.protocol.stark.curve.FieldElement.P3;
import static io.smainer.protocol.stark.curve.Limbs.carry;
import static io.smainer.protocol.stark.curve.Limbs.mulHigh;

/**
 * Montgomery multiplication and squaring modulo P = 2^251 + 17·2^192 + 1 with R = 2^256: a
 * schoolbook 4×4-limb product followed by a reduction specialised to the shape of P.
 *
 * <p>Written out limb by limb because Java has no add-with-carry and no multi-value returns; this
 * is the innermost loop of every curve operation.
 */
final class Montgomery {
    private Montgomery() {}

    static void mul(FieldElement out, FieldElement a, FieldElement b) {
        final long a0 = a.l0;
        final long a1 = a.l1;
        final long a2 = a.l2;
        final long a3 = a.l3;
        final long b0 = b.l0;
        final long b1 = b.l1;
        final long b2 = b.l2;
        final long b3 = b.l3;
        long lo;
        long hi;
        long c;

        // r = a0 · b
        long r0 = a0 * b0;
        c = mulHigh(a0, b0);
        lo = a0 * b1;
        hi = mulHigh(a0, b1);
        long r1 = lo + c;
        c = hi + carry(r1, c);
        lo = a0 * b2;
        hi = mulHigh(a0, b2);
        long r2 = lo + c;
        c = hi + carry(r2, c);
        lo = a0 * b3;
        hi = mulHigh(a0, b3);
        long r3 = lo + c;
        long r4 = hi + carry(r3, c);

        // r += a1 · b · 2^64
        lo = a1 * b0;
        hi = mulHigh(a1, b0);
        r1 += lo;
        c = hi + carry(r1, lo);
        lo = a1 * b1 + c;
        hi = mulHigh(a1, b1) + carry(lo, c);
        r2 += lo;
        c = hi + carry(r2, lo);
        lo = a1 * b2 + c;
        hi = mulHigh(a1, b2) + carry(lo, c);
        r3 += lo;
        c = hi + carry(r3, lo);
        lo = a1 * b3 + c;
        hi = mulHigh(a1, b3) + carry(lo, c);
        r4 += lo;
        long r5 = hi + carry(r4, lo);

        // r += a2 · b · 2^128
        lo = a2 * b0;
        hi = mulHigh(a2, b0);
        r2 += lo;
        c = hi + carry(r2, lo);
        lo = a2 * b1 + c;
        hi = mulHigh(a2, b1) + carry(lo, c);
        r3 += lo;
        c = hi + carry(r3, lo);
        lo = a2 * b2 + c;
        hi = mulHigh(a2, b2) + carry(lo, c);
        r4 += lo;
        c = hi + carry(r4, lo);
        lo = a2 * b3 + c;
        hi = mulHigh(a2, b3) + carry(lo, c);
        r5 += lo;
        long r6 = hi + carry(r5, lo);

        // r += a3 · b · 2^192
        lo = a3 * b0;
        hi = mulHigh(a3, b0);
        r3 += lo;
        c = hi + carry(r3, lo);
        lo = a3 * b1 + c;
        hi = mulHigh(a3, b1) + carry(lo, c);
        r4 += lo;
        c = hi + carry(r4, lo);
        lo = a3 * b2 + c;
        hi = mulHigh(a3, b2) + carry(lo, c);
        r5 += lo;
        c = hi + carry(r5, lo);
        lo = a3 * b3 + c;
        hi = mulHigh(a3, b3) + carry(lo, c);
        r6 += lo;
        long r7 = hi + carry(r6, lo);

        reduce(out, r0, r1, r2, r3, r4, r5, r6, r7);
    }

    static void sqr(FieldElement out, FieldElement a) {
        final long a0 = a.l0;
        final long a1 = a.l1;
        final long a2 = a.l2;
        final long a3 = a.l3;
        long lo;
        long hi;
        long c;

        // Cross products a_i·a_j (i < j) into t1..t6.
        long t1 = a0 * a1;
        c = mulHigh(a0, a1);
        lo = a0 * a2;
        hi = mulHigh(a0, a2);
        long t2 = lo + c;
        c = hi + carry(t2, c);
        lo = a0 * a3;
        hi = mulHigh(a0, a3);
        long t3 = lo + c;
        long t4 = hi + carry(t3, c);

        lo = a1 * a2;
        hi = mulHigh(a1, a2);
        t3 += lo;
        c = hi + carry(t3, lo);
        lo = a1 * a3 + c;
        hi = mulHigh(a1, a3) + carry(lo, c);
        t4 += lo;
        long t5 = hi + carry(t4, lo);

        lo = a2 * a3;
        hi = mulHigh(a2, a3);
        t5 += lo;
        long t6 = hi + carry(t5, lo);

        // Double the cross products.
        long t7 = t6 >>> 63;
        t6 = (t6 << 1) | (t5 >>> 63);
        t5 = (t5 << 1) | (t4 >>> 63);
        t4 = (t4 << 1) | (t3 >>> 63);
        t3 = (t3 << 1) | (t2 >>> 63);
        t2 = (t2 << 1) | (t1 >>> 63);
        t1 <<= 1;

        // Add the squares a_i² at limb 2i.
        long r0 = a0 * a0;
        hi = mulHigh(a0, a0);
        long r1 = t1 + hi;
        c = carry(r1, hi);
        lo = a1 * a1;
        hi = mulHigh(a1, a1);
        long r2 = t2 + lo;
        long c2 = carry(r2, lo);
        r2 += c;
        c = c2 + carry(r2, c);
        long r3 = t3 + hi;
        c2 = carry(r3, hi);
        r3 += c;
        c = c2 + carry(r3, c);
        lo = a2 * a2;
        hi = mulHigh(a2, a2);
        long r4 = t4 + lo;
        c2 = carry(r4, lo);
        r4 += c;
        c = c2 + carry(r4, c);
        long r5 = t5 + hi;
        c2 = carry(r5, hi);
        r5 += c;
        c = c2 + carry(r5, c);
        lo = a3 * a3;
        hi = mulHigh(a3, a3);
        long r6 = t6 + lo;
        c2 = carry(r6, lo);
        r6 += c;
        c = c2 + carry(r6, c);
        long r7 = t7 + hi + c;

        reduce(out, r0, r1, r2, r3, r4, r5, r6, r7);
    }

    /**
     * Montgomery reduction of the 512-bit value r7..r0 (below P·2^256): out = r · 2^−256 mod P.
     * Step one cancels the low 192 bits at once with M = −r mod 2^192 (valid because P ≡ 1 mod
     * 2^192); step two cancels limb 3 the same way. The result is below 2P and is reduced once.
     */
    private static void reduce(FieldElement out, long r0, long r1, long r2, long r3,
                               long r4, long r5, long r6, long r7) {
        long m0 = -r0;
        long m1 = ~r1 + (r0 == 0 ? 1L : 0L);
        long m2 = ~r2 + ((r0 | r1) == 0 ? 1L : 0L);
        long cin = (r0 | r1 | r2) != 0 ? 1L : 0L;

        // q = M · P3, four limbs.
        long q0 = m0 * P3;
        long c = mulHigh(m0, P3);
        long lo = m1 * P3;
        long q1 = lo + c;
        c = mulHigh(m1, P3) + carry(q1, c);
        lo = m2 * P3;
        long q2 = lo + c;
        long q3 = mulHigh(m2, P3) + carry(q2, c);

        // r[3..7] += q + cin
        r3 += q0;
        c = carry(r3, q0);
        r3 += cin;
        c += carry(r3, cin);
        r4 += q1;
        long c2 = carry(r4, q1);
        r4 += c;
        c = c2 + carry(r4, c);
        r5 += q2;
        c2 = carry(r5, q2);
        r5 += c;
        c = c2 + carry(r5, c);
        r6 += q3;
        c2 = carry(r6, q3);
        r6 += c;
        c = c2 + carry(r6, c);
        r7 += c;

        // Cancel limb 3 with m3 = −r3: adds m3 at limb 3 (carry cin) and m3·P3 at limbs 6..7.
        long m3 = -r3;
        cin = r3 != 0 ? 1L : 0L;
        r4 += cin;
        c = carry(r4, cin);
        r5 += c;
        c = carry(r5, c);
        lo = m3 * P3;
        long hi = mulHigh(m3, P3);
        r6 += lo;
        c2 = carry(r6, lo);
        r6 += c;
        c2 += carry(r6, c);
        r7 += hi + c2;

        out.reduceOnce(r4, r5, r6, r7);
    }
}
