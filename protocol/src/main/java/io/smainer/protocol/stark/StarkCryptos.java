package io.smainer.protocol.stark;

import io.smainer.protocol.stark.curve.FastStarkCrypto;

/** The Stark engines an application can pick in its composition root. */
public final class StarkCryptos {
    private StarkCryptos() {}

    /**
     * The engine for the hot path: the pure-Java {@link FastStarkCrypto}, equal to the reference
     * to the bit and 7× (verify, Pedersen) to 1,400× (sign) faster (docs/performance.md). Cheap to
     * construct (its precomputed tables are shared, immutable and built once on first use);
     * construct it once in the composition root.
     */
    public static StarkCrypto fast() {
        return new FastStarkCrypto();
    }

    /** starknet-jvm's native implementation: the reference the fast engine is checked against. */
    public static StarkCrypto reference() {
        return new StarknetJvmCrypto();
    }
}
