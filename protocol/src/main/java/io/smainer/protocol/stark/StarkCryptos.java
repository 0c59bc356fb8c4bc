package io.smainer.protocol.stark;

/** The Stark engines an application can pick in its composition root. */
public final class StarkCryptos {
    private StarkCryptos() {}

    /** The engine for the hot path. (The pure-Java engine replaces this once it lands.) */
    public static StarkCrypto fast() {
        return reference();
    }

    /** starknet-jvm's native implementation: the reference the fast engine is checked against. */
    public static StarkCrypto reference() {
        return new StarknetJvmCrypto();
    }
}
