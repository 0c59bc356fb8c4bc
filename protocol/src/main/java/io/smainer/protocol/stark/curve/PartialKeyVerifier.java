package io.smainer.protocol.stark.curve;

/**
 * The point check of Starknet ECDSA against an x-only public key: is x(u1·G + u2·Q) = r or
 * x(u1·G − u2·Q) = r for the two points Q with x(Q) = qx?
 *
 * <p>crypto-cpp answers it by computing a square root for y(Q), which in this field (2-adicity 192)
 * costs thousands of squarings. We avoid the root entirely:
 * <ol>
 *   <li>With f = qx³ + qx + β a square (checked with one exponentiation), the map
 *       (x, y) ↦ (f·x, f·√f·y) is an isomorphism onto y² = x³ + f²·x + β·f³ that sends Q to the
 *       rational point (f·qx, f²). So x(u2·Q) = x(u2·Q')/f without knowing √f.</li>
 *   <li>For points A, B with known x-coordinates only, x(A + B) and x(A − B) are the two roots
 *       of D·T² − 2((x1 + x2)(x1·x2 + α) + 2β)·T + (x1·x2 − α)² − 4β(x1 + x2), D = (x1 − x2)².
 *       So r is one of them exactly when r is a root, checked projectively without inversions.</li>
 * </ol>
 */
final class PartialKeyVerifier {
    private static final FieldElement BETA = FieldElement.of(StarkCurve.BETA);

    private PartialKeyVerifier() {}

    /**
     * @param qx the public key (x-coordinate), Montgomery form
     * @param u1 scalar for G, limbs, in [1, N)
     * @param u2 scalar for Q, limbs, in [1, N)
     * @param r  the signature's r as a field element
     */
    static boolean verify(FieldElement qx, long[] u1, long[] u2, FieldElement r) {
        FieldElement f = curveRhs(qx);
        if (FieldInversion.legendre(f) != 1) {
            return false; // no curve point has this x-coordinate (crypto-cpp: GetPointFromX fails)
        }
        FieldElement f2 = new FieldElement().sqr(f);
        JacobianPoint b = new JacobianPoint();
        WnafMultiplier.multiply(new PointArithmetic(f2), isomorphicX(f, qx), f2, u2, b);
        return check(u1, b, f, r);
    }

    /** f = qx³ + qx + β: a non-zero square exactly when qx is the x-coordinate of a curve point. */
    static FieldElement curveRhs(FieldElement qx) {
        FieldElement f = new FieldElement().sqr(qx);
        return f.mul(f, qx).add(f, qx).add(f, BETA);
    }

    /** x(Q') = f·qx on the isomorphic curve y² = x³ + f²·x + β·f³, where y(Q') = f². */
    static FieldElement isomorphicX(FieldElement f, FieldElement qx) {
        return new FieldElement().mul(f, qx);
    }

    /**
     * The rest of the check once B = u2·Q' is known on the isomorphic curve of {@code f}: A = u1·G, then
     * is r one of x(A ± B)?
     */
    static boolean check(long[] u1, JacobianPoint b, FieldElement f, FieldElement r) {
        JacobianPoint a = new JacobianPoint().setInfinity();
        CurveTables.generator().addMultiple(PointArithmetic.starkCurve(), a, u1);
        if (a.isInfinity() || b.isInfinity()) {
            return false;
        }
        // x1 = n1/d1 = X_A/Z_A², x2 = n2/d2 = X_B/(Z_B²·f)
        FieldElement n1 = a.x;
        FieldElement d1 = new FieldElement().sqr(a.z);
        FieldElement n2 = b.x;
        FieldElement d2 = new FieldElement().sqr(b.z);
        d2.mul(d2, f);
        return rootCheck(n1, d1, n2, d2, r);
    }

    /** The quadratic of step 2 multiplied through by (d1·d2)². */
    private static boolean rootCheck(FieldElement n1, FieldElement d1, FieldElement n2, FieldElement d2,
                                     FieldElement r) {
        FieldElement e1 = new FieldElement().mul(n1, d2);
        FieldElement e2 = new FieldElement().mul(n2, d1);
        if (e1.sameAs(e2)) {
            return false; // A = ±B: crypto-cpp refuses to add points with equal x
        }
        FieldElement m = new FieldElement().mul(n1, n2);
        FieldElement dd = new FieldElement().mul(d1, d2);
        FieldElement e = new FieldElement().add(e1, e2);
        FieldElement diff = new FieldElement().sub(e1, e2);
        FieldElement rr = new FieldElement().sqr(r);
        // quadratic term: (e1 − e2)²·r²
        FieldElement acc = new FieldElement().sqr(diff);
        acc.mul(acc, rr);
        // linear term: −2·(e·(m + α·dd) + 2β·dd²)·r, with α = 1
        FieldElement lin = new FieldElement().add(m, dd);
        lin.mul(lin, e);
        FieldElement betaDd2 = new FieldElement().sqr(dd);
        betaDd2.mul(betaDd2, BETA);
        lin.add(lin, betaDd2).add(lin, betaDd2).mul(lin, r).dbl(lin);
        acc.sub(acc, lin);
        // constant term: (m − α·dd)² − 4β·e·dd
        FieldElement c = new FieldElement().sub(m, dd);
        c.sqr(c);
        FieldElement t = new FieldElement().mul(e, dd);
        t.mul(t, BETA);
        t.dbl(t).dbl(t);
        acc.add(acc, c).sub(acc, t);
        return acc.isZero();
    }
}
