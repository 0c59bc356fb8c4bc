package io.smainer.protocol.stark.curve;

import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.StarkVerifyingKey;
import java.math.BigInteger;

/**
 * A public key prepared for many verifications ({@link FastStarkCrypto#verifyingKey}). Per key, once:
 * the curve check on its x-coordinate (one exponentiation), and a fixed-base table of the multiples of
 * Q' = (f·qx, f²), the key's image on the isomorphic curve of {@link PartialKeyVerifier}. Each check
 * then computes u2·Q' with one mixed addition per window instead of ~252 doublings and ~50 additions,
 * and the rest ({@code u1·G}, the root check) is shared with the unprepared path, so the verdicts
 * cannot differ. Which y the key stands for does not matter: the root check covers both A + B and
 * A − B.
 *
 * <p>Window {@value #WINDOW}: 64 windows of 8 affine points, 32 KiB per key, built in about the time of
 * three plain verifications; a check then costs about a third of a plain one (window 5: 13 fewer
 * additions per check, about a tenth, for 51 KiB and a build 1.6× longer). Immutable after construction and safe to
 * share between threads.
 */
final class PreparedVerifyingKey implements StarkVerifyingKey {
    static final int WINDOW = 4;

    private final BigInteger publicKey;
    /** f = qx³ + qx + β and f² (Montgomery form, never mutated); null when qx is not on the curve. */
    private final FieldElement f;
    private final FieldElement f2;
    private final FixedBaseTable table;

    private PreparedVerifyingKey(BigInteger publicKey, FieldElement f, FieldElement f2, FixedBaseTable table) {
        this.publicKey = publicKey;
        this.f = f;
        this.f2 = f2;
        this.table = table;
    }

    static PreparedVerifyingKey of(BigInteger publicKey) {
        if (!Felts.isFelt(publicKey)) {
            return new PreparedVerifyingKey(publicKey, null, null, null);
        }
        FieldElement qx = FieldElement.of(publicKey);
        FieldElement f = PartialKeyVerifier.curveRhs(qx);
        if (FieldInversion.legendre(f) != 1) {
            return new PreparedVerifyingKey(publicKey, null, null, null); // not the x of a curve point
        }
        FieldElement f2 = new FieldElement().sqr(f);
        FixedBaseTable table = new FixedBaseTable(new PointArithmetic(f2), PartialKeyVerifier.isomorphicX(f, qx), f2,
                252, WINDOW);
        return new PreparedVerifyingKey(publicKey, f, f2, table);
    }

    @Override
    public BigInteger publicKey() {
        return publicKey;
    }

    @Override
    public boolean verify(BigInteger hash, BigInteger r, BigInteger s) {
        if (table == null) {
            return false;
        }
        long[][] u = StarkEcdsa.scalars(hash, r, s);
        if (u == null) {
            return false;
        }
        JacobianPoint b = new JacobianPoint().setInfinity();
        table.addMultiple(new PointArithmetic(f2), b, u[1]);
        return PartialKeyVerifier.check(u[0], b, f, FieldElement.of(r));
    }

    /** Whether a table was built (false for keys that are not curve points); for tests. */
    boolean isOnCurve() {
        return table != null;
    }

    @Override
    public String toString() {
        return "PreparedVerifyingKey[" + (publicKey == null ? "null" : "0x" + publicKey.toString(16)) + (table == null ? ", not on the curve]" : "]");
    }
}
