package io.smainer.protocol.stark.curve;

/**
 * The precomputed fixed-base tables: the generator (signing, public keys, half of verification)
 * and the four Pedersen points. Each group is built on first use by its holder's class
 * initialiser (so a verifier never builds Pedersen tables) and is immutable afterwards: sharing
 * them between threads and engine instances is safe.
 *
 * <p>Window widths were chosen by measurement (docs/performance.md): wider windows mean fewer
 * additions but larger tables and a longer first-use build.
 */
final class CurveTables {
    static final int GENERATOR_WINDOW = 7;
    static final int PEDERSEN_WINDOW = 7;

    private CurveTables() {}

    /** Multiples of G for scalars below the curve order (< 2^252). */
    static FixedBaseTable generator() {
        return GeneratorHolder.TABLE;
    }

    /** P1 and P3 take the low 248 bits of each input, P2 and P4 the high 4 bits. */
    static FixedBaseTable pedersenP1() {
        return PedersenHolder.P1;
    }

    static FixedBaseTable pedersenP2() {
        return PedersenHolder.P2;
    }

    static FixedBaseTable pedersenP3() {
        return PedersenHolder.P3;
    }

    static FixedBaseTable pedersenP4() {
        return PedersenHolder.P4;
    }

    private static final class GeneratorHolder {
        static final FixedBaseTable TABLE = new FixedBaseTable(StarkCurve.GENERATOR, 252, GENERATOR_WINDOW);
    }

    private static final class PedersenHolder {
        static final FixedBaseTable P1 = new FixedBaseTable(StarkCurve.PEDERSEN_P1, 248, PEDERSEN_WINDOW);
        static final FixedBaseTable P2 = new FixedBaseTable(StarkCurve.PEDERSEN_P2, 4, 4);
        static final FixedBaseTable P3 = new FixedBaseTable(StarkCurve.PEDERSEN_P3, 248, PEDERSEN_WINDOW);
        static final FixedBaseTable P4 = new FixedBaseTable(StarkCurve.PEDERSEN_P4, 4, 4);
    }
}
