package io.smainer.protocol.stark.curve;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The limb arithmetic against BigInteger: every operation, every law, with jqwik's edge cases. */
class FieldElementTest {
    private static final BigInteger P = StarkCurve.P;

    @Provide
    Arbitrary<BigInteger> felts() {
        Arbitrary<BigInteger> any = Arbitraries.bigIntegers().between(BigInteger.ZERO, P.subtract(BigInteger.ONE));
        Arbitrary<BigInteger> boundaries = Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO), BigInteger.ONE.shiftLeft(64),
                BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(192),
                BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(251),
                BigInteger.ONE.shiftLeft(251).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(251).add(BigInteger.ONE));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, any), net.jqwik.api.Tuple.of(1, boundaries));
    }

    @Property(tries = 3000)
    void roundTrip(@ForAll("felts") BigInteger a) {
        assertThat(FieldElement.of(a).toBigInteger()).isEqualTo(a);
    }

    @Property(tries = 3000)
    void multiplication(@ForAll("felts") BigInteger a, @ForAll("felts") BigInteger b) {
        assertThat(new FieldElement().mul(FieldElement.of(a), FieldElement.of(b)).toBigInteger())
                .isEqualTo(a.multiply(b).mod(P));
    }

    @Property(tries = 3000)
    void squaringEqualsSelfMultiplication(@ForAll("felts") BigInteger a) {
        FieldElement x = FieldElement.of(a);
        assertThat(new FieldElement().sqr(x).toBigInteger()).isEqualTo(a.multiply(a).mod(P));
        assertThat(new FieldElement().sqr(x).sameAs(new FieldElement().mul(x, x))).isTrue();
    }

    @Property(tries = 3000)
    void additionSubtractionNegation(@ForAll("felts") BigInteger a, @ForAll("felts") BigInteger b) {
        FieldElement x = FieldElement.of(a);
        FieldElement y = FieldElement.of(b);
        assertThat(new FieldElement().add(x, y).toBigInteger()).isEqualTo(a.add(b).mod(P));
        assertThat(new FieldElement().sub(x, y).toBigInteger()).isEqualTo(a.subtract(b).mod(P));
        assertThat(new FieldElement().neg(x).toBigInteger()).isEqualTo(a.negate().mod(P));
        assertThat(new FieldElement().add(x, new FieldElement().neg(x)).isZero()).isTrue();
    }

    @Property(tries = 1000)
    void ringLaws(@ForAll("felts") BigInteger a, @ForAll("felts") BigInteger b, @ForAll("felts") BigInteger c) {
        FieldElement x = FieldElement.of(a);
        FieldElement y = FieldElement.of(b);
        FieldElement z = FieldElement.of(c);
        // commutativity, associativity, distributivity
        assertThat(new FieldElement().mul(x, y).sameAs(new FieldElement().mul(y, x))).isTrue();
        FieldElement left = new FieldElement().mul(new FieldElement().mul(x, y), z);
        FieldElement right = new FieldElement().mul(x, new FieldElement().mul(y, z));
        assertThat(left.sameAs(right)).isTrue();
        FieldElement dist = new FieldElement().mul(x, new FieldElement().add(y, z));
        FieldElement sum = new FieldElement().add(new FieldElement().mul(x, y), new FieldElement().mul(x, z));
        assertThat(dist.sameAs(sum)).isTrue();
    }

    @Property(tries = 300)
    void inversion(@ForAll("felts") BigInteger a) {
        FieldElement inv = FieldInversion.invert(FieldElement.of(a));
        if (a.signum() == 0) {
            assertThat(inv.isZero()).isTrue();
        } else {
            assertThat(inv.toBigInteger()).isEqualTo(a.modInverse(P));
            assertThat(new FieldElement().mul(inv, FieldElement.of(a)).isOne()).isTrue();
        }
    }

    @Property(tries = 300)
    void legendreSymbolIsEulersCriterion(@ForAll("felts") BigInteger a) {
        BigInteger euler = a.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P);
        int expected = a.signum() == 0 ? 0 : euler.equals(BigInteger.ONE) ? 1 : -1;
        assertThat(FieldInversion.legendre(FieldElement.of(a))).isEqualTo(expected);
    }

    @Property(tries = 1000)
    void operandsMayAliasTheResult(@ForAll("felts") BigInteger a, @ForAll("felts") BigInteger b) {
        FieldElement x = FieldElement.of(a);
        x.mul(x, FieldElement.of(b));
        assertThat(x.toBigInteger()).isEqualTo(a.multiply(b).mod(P));
        x.sub(x, x);
        assertThat(x.isZero()).isTrue();
    }

    @Property(tries = 1000)
    void limbConversionAndBitWindows(@ForAll("felts") BigInteger a) {
        long[] l = Limbs.of(a);
        assertThat(Limbs.toBigInteger(l[0], l[1], l[2], l[3])).isEqualTo(a);
        for (int pos = 0; pos < 256; pos += 7) {
            int expected = a.shiftRight(pos).and(BigInteger.valueOf(127)).intValueExact();
            assertThat(Limbs.bits(l, pos, 7)).as("bits at %d", pos).isEqualTo(expected);
        }
    }

    @Property(tries = 1000)
    void wnafDigitsReconstructTheScalar(@ForAll("felts") BigInteger k) {
        byte[] digits = new byte[258];
        int top = WnafMultiplier.recode(Limbs.of(k), digits);
        BigInteger sum = BigInteger.ZERO;
        for (int i = top; i >= 0; i--) {
            int d = digits[i];
            assertThat(d == 0 || ((d & 1) != 0 && Math.abs(d) < 16)).as("digit %d", d).isTrue();
            sum = sum.shiftLeft(1).add(BigInteger.valueOf(d));
        }
        assertThat(sum).isEqualTo(k);
    }

    @Example
    void carryAndBorrowHelpers() {
        assertThat(Limbs.carry(-1L + 1L, 1L)).isEqualTo(1);
        assertThat(Limbs.carry(5L, 3L)).isZero();
        assertThat(Limbs.borrow(0L, 1L)).isEqualTo(1);
        assertThat(Limbs.borrow(-1L, 1L)).isZero();
        assertThat(Limbs.mulHigh(-1L, -1L)).isEqualTo(-2L); // (2^64−1)² = 2^128 − 2^65 + 1
    }
}
