package io.smainer.protocol.stark.curve;

import java.math.BigInteger;

/**
 * A mutable element of the Stark prime field, P = 2^251 + 17·2^192 + 1, held in Montgomery form
 * (R = 2^256) as four little-endian 64-bit limbs and always fully reduced to [0, P).
 *
 * <p>Mutable on purpose: the point formulas run thousands of these operations per signature, and
 * writing into preallocated temporaries keeps the garbage of a whole signature or verification to a
 * few kilobytes. Every operation reads its operands into locals before writing, so
 * {@code x.mul(x, x)} is fine.
 *
 * <p>Montgomery reduction is cheap for this P: P ≡ 1 (mod 2^192), so −P⁻¹ ≡ −1 (mod 2^192) and the
 * low three limbs are cancelled in one step with one 192×64-bit product by the top limb of P.
 */
final class FieldElement {
    /** Top limb of P; the other limbs are 1, 0, 0. */
    static final long P3 = 0x0800000000000011L;

    private static final FieldElement R2 = fromLimbs(BigInteger.ONE.shiftLeft(512).mod(StarkCurve.P));
    private static final FieldElement ONE_MONT = new FieldElement().mul(fromLimbs(BigInteger.ONE), R2);

    long l0;
    long l1;
    long l2;
    long l3;

    FieldElement() {}

    /** An element equal to {@code v} (which must be in [0, P)). */
    static FieldElement of(BigInteger v) {
        return new FieldElement().mul(fromLimbs(v), R2);
    }

    static FieldElement one() {
        return new FieldElement().set(ONE_MONT);
    }

    /** The canonical integer value in [0, P). */
    BigInteger toBigInteger() {
        FieldElement plain = new FieldElement();
        plain.l0 = 1;
        plain.mul(this, plain);
        return Limbs.toBigInteger(plain.l0, plain.l1, plain.l2, plain.l3);
    }

    FieldElement set(FieldElement a) {
        l0 = a.l0;
        l1 = a.l1;
        l2 = a.l2;
        l3 = a.l3;
        return this;
    }

    FieldElement setOne() {
        return set(ONE_MONT);
    }

    FieldElement setZero() {
        l0 = 0;
        l1 = 0;
        l2 = 0;
        l3 = 0;
        return this;
    }

    /** Loads four limbs stored by {@link #store} at {@code off}. */
    FieldElement load(long[] table, int off) {
        l0 = table[off];
        l1 = table[off + 1];
        l2 = table[off + 2];
        l3 = table[off + 3];
        return this;
    }

    void store(long[] table, int off) {
        table[off] = l0;
        table[off + 1] = l1;
        table[off + 2] = l2;
        table[off + 3] = l3;
    }

    boolean isZero() {
        return (l0 | l1 | l2 | l3) == 0;
    }

    boolean isOne() {
        return sameAs(ONE_MONT);
    }

    /** Value equality (both sides are fully reduced, so limb equality is field equality). */
    boolean sameAs(FieldElement o) {
        return ((l0 ^ o.l0) | (l1 ^ o.l1) | (l2 ^ o.l2) | (l3 ^ o.l3)) == 0;
    }

    /** this = a + b. */
    FieldElement add(FieldElement a, FieldElement b) {
        long a0 = a.l0;
        long a1 = a.l1;
        long a2 = a.l2;
        long b0 = b.l0;
        long b1 = b.l1;
        long b2 = b.l2;
        long r0 = a0 + b0;
        long c = Limbs.fullCarry(a0, b0, r0);
        long r1 = a1 + b1 + c;
        c = Limbs.fullCarry(a1, b1, r1);
        long r2 = a2 + b2 + c;
        c = Limbs.fullCarry(a2, b2, r2);
        // Both top limbs are below 2^60, so the top limb cannot overflow.
        long r3 = a.l3 + b.l3 + c;
        return reduceOnce(r0, r1, r2, r3);
    }

    /** this = a − b. */
    FieldElement sub(FieldElement a, FieldElement b) {
        long a0 = a.l0;
        long a1 = a.l1;
        long a2 = a.l2;
        long b0 = b.l0;
        long b1 = b.l1;
        long b2 = b.l2;
        long r0 = a0 - b0;
        long br = Limbs.fullBorrow(a0, b0, r0);
        long r1 = a1 - b1 - br;
        br = Limbs.fullBorrow(a1, b1, r1);
        long r2 = a2 - b2 - br;
        br = Limbs.fullBorrow(a2, b2, r2);
        long r3 = a.l3 - b.l3 - br;
        // Went below zero: add P = (1, 0, 0, P3) back. Masked rather than branched: the sign is a
        // coin flip, and mispredictions would dominate the cost.
        long mask = r3 >> 63;
        long p0 = 1L & mask;
        long s0 = r0 + p0;
        long c = Limbs.fullCarry(r0, p0, s0);
        long s1 = r1 + c;
        c = Limbs.fullCarry(r1, 0, s1);
        long s2 = r2 + c;
        c = Limbs.fullCarry(r2, 0, s2);
        l0 = s0;
        l1 = s1;
        l2 = s2;
        l3 = r3 + (P3 & mask) + c;
        return this;
    }

    /** this = −a. */
    FieldElement neg(FieldElement a) {
        long a0 = a.l0;
        long a1 = a.l1;
        long a2 = a.l2;
        long a3 = a.l3;
        l0 = 0;
        l1 = 0;
        l2 = 0;
        l3 = 0;
        if ((a0 | a1 | a2 | a3) == 0) {
            return this;
        }
        // P − a with P = (1, 0, 0, P3); a ≥ 1 so the result is in [1, P).
        long r0 = 1 - a0;
        long br = Limbs.borrow(1, a0);
        long r1 = -a1 - br;
        long br1 = (a1 | br) != 0 ? 1L : 0L;
        long r2 = -a2 - br1;
        long br2 = (a2 | br1) != 0 ? 1L : 0L;
        l0 = r0;
        l1 = r1;
        l2 = r2;
        l3 = P3 - a3 - br2;
        return this;
    }

    /** this = 2a. */
    FieldElement dbl(FieldElement a) {
        return add(a, a);
    }

    /** this = a · b. */
    FieldElement mul(FieldElement a, FieldElement b) {
        Montgomery.mul(this, a, b);
        return this;
    }

    /** this = a². */
    FieldElement sqr(FieldElement a) {
        Montgomery.sqr(this, a);
        return this;
    }

    /** this = a^(2^n) (n squarings). */
    FieldElement sqrN(FieldElement a, int n) {
        set(a);
        for (int i = 0; i < n; i++) {
            Montgomery.sqr(this, this);
        }
        return this;
    }

    /** Sets the limbs from a value in [0, 2P) and subtracts P once if needed. */
    FieldElement reduceOnce(long r0, long r1, long r2, long r3) {
        // t = r − P with P = (1, 0, 0, P3); keep r when that borrows.
        long t0 = r0 - 1;
        long br = Limbs.fullBorrow(r0, 1, t0);
        long t1 = r1 - br;
        br = Limbs.fullBorrow(r1, 0, t1);
        long t2 = r2 - br;
        br = Limbs.fullBorrow(r2, 0, t2);
        long t3 = r3 - P3 - br;
        // keep = all ones when r < P; selected without a branch, as in sub.
        long keep = t3 >> 63;
        l0 = (r0 & keep) | (t0 & ~keep);
        l1 = (r1 & keep) | (t1 & ~keep);
        l2 = (r2 & keep) | (t2 & ~keep);
        l3 = (r3 & keep) | (t3 & ~keep);
        return this;
    }

    private static FieldElement fromLimbs(BigInteger v) {
        long[] l = Limbs.of(v);
        FieldElement e = new FieldElement();
        e.l0 = l[0];
        e.l1 = l[1];
        e.l2 = l[2];
        e.l3 = l[3];
        return e;
    }
}
