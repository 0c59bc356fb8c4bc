package io.smainer.protocol.stark.curve;

/**
 * Exponentiations with fixed exponents in the Stark field: the inverse a^(P−2) and Euler's
 * criterion a^((P−1)/2). Both use addition chains shaped by P = 2^251 + 17·2^192 + 1: about 250
 * squarings and a dozen multiplications each.
 */
final class FieldInversion {
    private FieldInversion() {}

    /**
     * A new element a⁻¹ = a^(P−2), with P − 2 = 2^251 + 2^196 + 2^192 − 1; zero maps to zero
     * (callers never invert zero: it would mean a point at infinity).
     */
    static FieldElement invert(FieldElement a) {
        FieldElement x192 = onesPower(a);
        FieldElement t = new FieldElement().mul(x192, a); // a^(2^192)
        t.sqrN(t, 4); // a^(2^196)
        FieldElement a196 = new FieldElement().set(t);
        t.sqrN(t, 55); // a^(2^251)
        return t.mul(t, a196).mul(t, x192);
    }

    /** 1 when a is a non-zero square, −1 when it is a non-square, 0 when it is zero. */
    static int legendre(FieldElement a) {
        if (a.isZero()) {
            return 0;
        }
        // (P − 1)/2 = 2^191 · (2^59 + 17)
        FieldElement a16 = new FieldElement().sqrN(a, 4);
        FieldElement t = new FieldElement().sqrN(a16, 55); // a^(2^59)
        t.mul(t, a16).mul(t, a); // a^(2^59 + 17)
        t.sqrN(t, 191);
        return t.isOne() ? 1 : -1;
    }

    /** a^(2^192 − 1), by doubling runs of ones: 2, 4, 8, …, 128, then 128 + 64. */
    private static FieldElement onesPower(FieldElement a) {
        FieldElement run = new FieldElement().set(a); // a^(2^1 − 1)
        FieldElement tmp = new FieldElement();
        FieldElement x64 = null;
        for (int len = 1; len < 128; len *= 2) {
            tmp.sqrN(run, len);
            run.mul(tmp, run); // a^(2^(2·len) − 1)
            if (len == 32) {
                x64 = new FieldElement().set(run);
            }
        }
        tmp.sqrN(run, 64);
        return run.mul(tmp, x64);
    }
}
