package io.smainer.protocol.stark.curve;

/**
 * Jacobian doubling and addition on a short Weierstrass curve y² = x³ + a·x + b (b never enters the
 * formulas). One instance owns its temporaries, so it serves one thread for one operation.
 *
 * <p>Formulas are the EFD's dbl-2007-bl, madd-2007-bl and add-2007-bl. The exceptional cases
 * (infinity, P + P, P + (−P)) are detected and handled, so results are correct for every input,
 * not only for the generic case; the branches are not constant-time (see docs/security.md).
 */
final class PointArithmetic {
    private final FieldElement a;
    private final boolean aIsOne;
    private final FieldElement t0 = new FieldElement();
    private final FieldElement t1 = new FieldElement();
    private final FieldElement t2 = new FieldElement();
    private final FieldElement t3 = new FieldElement();
    private final FieldElement t4 = new FieldElement();
    private final FieldElement t5 = new FieldElement();
    private final FieldElement t6 = new FieldElement();
    private final FieldElement t7 = new FieldElement();
    private final FieldElement qx = new FieldElement();
    private final FieldElement qy = new FieldElement();

    /** Arithmetic on a curve with coefficient {@code a} (Montgomery form; copied). */
    PointArithmetic(FieldElement a) {
        this.a = new FieldElement().set(a);
        this.aIsOne = a.isOne();
    }

    /** Arithmetic on the Stark curve itself (a = α = 1). */
    static PointArithmetic starkCurve() {
        return new PointArithmetic(FieldElement.one());
    }

    /** p = 2p. */
    void dbl(JacobianPoint p) {
        FieldElement xx = t0.sqr(p.x);
        FieldElement yy = t1.sqr(p.y);
        FieldElement yyyy = t2.sqr(yy);
        FieldElement zz = t3.sqr(p.z);
        FieldElement s = t4.add(p.x, yy);
        s.sqr(s).sub(s, xx).sub(s, yyyy).dbl(s);
        FieldElement m = t5.sqr(zz);
        if (!aIsOne) {
            m.mul(m, a);
        }
        m.add(m, xx).add(m, xx).add(m, xx);
        // Z3 = (Y + Z)² − YY − ZZ, before Y and Z are overwritten.
        p.z.add(p.y, p.z).sqr(p.z).sub(p.z, yy).sub(p.z, zz);
        p.x.sqr(m).sub(p.x, s).sub(p.x, s);
        FieldElement eight = t6.dbl(yyyy).dbl(t6).dbl(t6);
        p.y.sub(s, p.x).mul(p.y, m).sub(p.y, eight);
    }

    /** p = p + (x2, ±y2), reading the affine point from {@code table} at {@code off} (x then y). */
    void addAffine(JacobianPoint p, long[] table, int off, boolean negate) {
        qx.load(table, off);
        qy.load(table, off + 4);
        if (negate) {
            qy.neg(qy);
        }
        addAffine(p, qx, qy);
    }

    /** p = p + (x2, y2). The arguments must not be this instance's own temporaries other than qx/qy. */
    void addAffine(JacobianPoint p, FieldElement x2, FieldElement y2) {
        if (p.isInfinity()) {
            p.setAffine(x2, y2);
            return;
        }
        FieldElement z1z1 = t0.sqr(p.z);
        FieldElement u2 = t1.mul(x2, z1z1);
        FieldElement s2 = t2.mul(y2, p.z).mul(t2, z1z1);
        FieldElement h = t3.sub(u2, p.x);
        FieldElement r = t4.sub(s2, p.y);
        if (h.isZero()) {
            if (r.isZero()) {
                dbl(p);
            } else {
                p.setInfinity();
            }
            return;
        }
        r.dbl(r);
        FieldElement hh = t5.sqr(h);
        FieldElement i = t6.dbl(hh).dbl(t6);
        FieldElement j = t7.mul(h, i);
        FieldElement v = t1.mul(p.x, i);
        // Z3 = (Z1 + H)² − Z1Z1 − HH
        p.z.add(p.z, h).sqr(p.z).sub(p.z, z1z1).sub(p.z, hh);
        p.x.sqr(r).sub(p.x, j).sub(p.x, v).sub(p.x, v);
        FieldElement yj = t2.mul(p.y, j).dbl(t2);
        p.y.sub(v, p.x).mul(p.y, r).sub(p.y, yj);
    }

    /** p = p ± q. */
    void add(JacobianPoint p, JacobianPoint q, boolean negate) {
        if (q.isInfinity()) {
            return;
        }
        FieldElement y2 = qy.set(q.y);
        if (negate) {
            y2.neg(y2);
        }
        if (p.isInfinity()) {
            p.x.set(q.x);
            p.y.set(y2);
            p.z.set(q.z);
            return;
        }
        FieldElement z1z1 = t0.sqr(p.z);
        FieldElement z2z2 = t1.sqr(q.z);
        FieldElement u1 = t2.mul(p.x, z2z2);
        FieldElement u2 = t3.mul(q.x, z1z1);
        FieldElement s1 = t4.mul(p.y, q.z).mul(t4, z2z2);
        FieldElement s2 = t5.mul(y2, p.z).mul(t5, z1z1);
        FieldElement h = t3.sub(u2, u1);
        FieldElement r = t5.sub(s2, s1);
        if (h.isZero()) {
            if (r.isZero()) {
                dbl(p);
            } else {
                p.setInfinity();
            }
            return;
        }
        r.dbl(r);
        // Z3 = ((Z1 + Z2)² − Z1Z1 − Z2Z2)·H, computed while Z1 is intact.
        p.z.add(p.z, q.z).sqr(p.z).sub(p.z, z1z1).sub(p.z, z2z2).mul(p.z, h);
        FieldElement i = t6.dbl(h).sqr(t6);
        FieldElement j = t7.mul(h, i);
        FieldElement v = t2.mul(u1, i);
        p.x.sqr(r).sub(p.x, j).sub(p.x, v).sub(p.x, v);
        FieldElement sj = t4.mul(s1, j).dbl(t4);
        p.y.sub(v, p.x).mul(p.y, r).sub(p.y, sj);
    }

    /** The affine x-coordinate X/Z² of a finite point. */
    static FieldElement affineX(JacobianPoint p) {
        FieldElement zInv = FieldInversion.invert(p.z);
        return zInv.sqr(zInv).mul(zInv, p.x);
    }
}
