package io.smainer.protocol.stark.curve;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Point formulas, fixed-base tables and wNAF against textbook affine arithmetic. */
class CurveArithmeticTest {
    private static final BigInteger N = StarkCurve.N;
    private static final BigInteger[] G = StarkCurve.GENERATOR;

    @Provide
    Arbitrary<BigInteger> scalars() {
        Arbitrary<BigInteger> any = Arbitraries.bigIntegers().between(BigInteger.ZERO, N.subtract(BigInteger.ONE));
        Arbitrary<BigInteger> edges = Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                BigInteger.valueOf(63), BigInteger.valueOf(64), BigInteger.valueOf(65), N.subtract(BigInteger.ONE),
                N.subtract(BigInteger.TWO), BigInteger.ONE.shiftLeft(251), BigInteger.ONE.shiftLeft(251).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(248), new BigInteger("7f".repeat(31), 16));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, any), net.jqwik.api.Tuple.of(1, edges));
    }

    @Property(tries = 200)
    void generatorTableMatchesDoubleAndAdd(@ForAll("scalars") BigInteger k) {
        JacobianPoint acc = new JacobianPoint().setInfinity();
        CurveTables.generator().addMultiple(PointArithmetic.starkCurve(), acc, Limbs.of(k));
        assertThat(AffineReference.of(acc)).isEqualTo(AffineReference.multiply(k, G));
    }

    @Property(tries = 100)
    void tableAddsOntoAnyAccumulator(@ForAll("scalars") BigInteger start, @ForAll("scalars") BigInteger k) {
        // Small window, so the exceptional additions (acc = ±table point) are reachable too.
        FixedBaseTable table = new FixedBaseTable(G, 252, 3);
        BigInteger[] startPoint = AffineReference.multiply(start, G);
        JacobianPoint acc = AffineReference.jacobian(startPoint);
        table.addMultiple(PointArithmetic.starkCurve(), acc, Limbs.of(k));
        assertThat(AffineReference.of(acc)).isEqualTo(AffineReference.multiply(start.add(k).mod(N), G));
    }

    @Property(tries = 100)
    void wnafMatchesDoubleAndAdd(@ForAll("scalars") BigInteger q, @ForAll("scalars") BigInteger k) {
        BigInteger[] base = AffineReference.multiply(q.signum() == 0 ? BigInteger.ONE : q, G);
        JacobianPoint out = new JacobianPoint();
        WnafMultiplier.multiply(PointArithmetic.starkCurve(), FieldElement.of(base[0]), FieldElement.of(base[1]),
                Limbs.of(k), out);
        assertThat(AffineReference.of(out)).isEqualTo(AffineReference.multiply(k, base));
    }

    @Property(tries = 50)
    void isomorphicCurveGivesTheSameXWithoutSquareRoot(@ForAll("scalars") BigInteger q, @ForAll("scalars") BigInteger k) {
        BigInteger[] point = AffineReference.multiply(q.signum() == 0 ? BigInteger.TWO : q, G);
        FieldElement x = FieldElement.of(point[0]);
        FieldElement f = new FieldElement().sqr(x);
        f.mul(f, x).add(f, x).add(f, FieldElement.of(StarkCurve.BETA));
        FieldElement f2 = new FieldElement().sqr(f);
        JacobianPoint out = new JacobianPoint();
        WnafMultiplier.multiply(new PointArithmetic(f2), new FieldElement().mul(f, x), f2, Limbs.of(k), out);
        BigInteger[] expected = AffineReference.multiply(k, point);
        if (expected == null) {
            assertThat(out.isInfinity()).isTrue();
            return;
        }
        BigInteger[] onIsomorphic = AffineReference.of(out);
        BigInteger xOnStark = onIsomorphic[0].multiply(f.toBigInteger().modInverse(StarkCurve.P)).mod(StarkCurve.P);
        assertThat(xOnStark).isEqualTo(expected[0]);
    }

    @Example
    void exceptionalAdditions() {
        PointArithmetic ops = PointArithmetic.starkCurve();
        BigInteger[] p = AffineReference.multiply(BigInteger.valueOf(12345), G);
        BigInteger[] twoP = AffineReference.add(p, p);

        JacobianPoint a = AffineReference.jacobian(p);
        ops.addAffine(a, FieldElement.of(p[0]), FieldElement.of(p[1]));
        assertThat(AffineReference.of(a)).as("P + P").isEqualTo(twoP);

        JacobianPoint b = AffineReference.jacobian(p);
        ops.addAffine(b, FieldElement.of(p[0]), FieldElement.of(p[1]).neg(FieldElement.of(p[1])));
        assertThat(b.isInfinity()).as("P + (−P)").isTrue();

        ops.addAffine(b, FieldElement.of(p[0]), FieldElement.of(p[1]));
        assertThat(AffineReference.of(b)).as("O + P").isEqualTo(p);

        JacobianPoint c = AffineReference.jacobian(p);
        ops.add(c, AffineReference.jacobian(p), false);
        assertThat(AffineReference.of(c)).as("P + P (Jacobian)").isEqualTo(twoP);
        ops.add(c, AffineReference.jacobian(twoP), true);
        assertThat(c.isInfinity()).as("2P − 2P").isTrue();
        ops.add(c, AffineReference.jacobian(p), true);
        assertThat(AffineReference.of(c)).as("O − P").isEqualTo(AffineReference.negate(p));
        ops.add(c, new JacobianPoint().setInfinity(), false);
        assertThat(AffineReference.of(c)).as("−P + O").isEqualTo(AffineReference.negate(p));

        JacobianPoint inf = new JacobianPoint().setInfinity();
        ops.dbl(inf);
        assertThat(inf.isInfinity()).as("2·O").isTrue();
    }

    @Example
    void tableSizesFollowTheWindowWidth() {
        // ⌈(bits + 1)/w⌉ windows of 2^(w−1) points: the memory figures quoted in docs/performance.md.
        assertThat(new FixedBaseTable(G, 252, 7).size()).isEqualTo(37 * 64);
        assertThat(new FixedBaseTable(G, 248, 7).size()).isEqualTo(36 * 64);
        assertThat(new FixedBaseTable(G, 4, 4).size()).isEqualTo(2 * 8);
    }

    @Example
    void generatorHasTheCurveOrder() {
        assertThat(AffineReference.multiply(N, G)).isNull();
        assertThat(AffineReference.multiply(N.subtract(BigInteger.ONE), G)).isEqualTo(AffineReference.negate(G));
    }
}
