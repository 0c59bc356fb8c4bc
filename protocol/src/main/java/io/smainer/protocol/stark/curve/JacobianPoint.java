package io.smainer.protocol.stark.curve;

/**
 * A mutable curve point in Jacobian coordinates: (X, Y, Z) stands for the affine point
 * (X/Z², Y/Z³); Z = 0 is the point at infinity.
 */
final class JacobianPoint {
    final FieldElement x = new FieldElement();
    final FieldElement y = new FieldElement();
    final FieldElement z = new FieldElement();

    JacobianPoint setInfinity() {
        x.setOne();
        y.setOne();
        z.setZero();
        return this;
    }

    boolean isInfinity() {
        return z.isZero();
    }

    JacobianPoint set(JacobianPoint p) {
        x.set(p.x);
        y.set(p.y);
        z.set(p.z);
        return this;
    }

    /** Sets this to the affine point (ax, ay). */
    JacobianPoint setAffine(FieldElement ax, FieldElement ay) {
        x.set(ax);
        y.set(ay);
        z.setOne();
        return this;
    }
}
