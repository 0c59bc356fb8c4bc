package io.smainer.relayer;

import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkCryptos;
import java.io.PrintStream;
import java.time.Clock;

/**
 * What the composition root takes from outside rather than from {@link io.smainer.relayer.config.RelayerConfig}:
 * the Stark engine, the clock, and the console ({@code out}) that devnet-mode start-up notes go to —
 * the API-key file's path and the predeployed devnet accounts, never to the log.
 */
public record RelayerPlugins(StarkCrypto crypto, Clock clock, PrintStream out) {

    public static RelayerPlugins defaults(PrintStream out) {
        return new RelayerPlugins(StarkCryptos.fast(), Clock.systemUTC(), out);
    }

    public RelayerPlugins withCrypto(StarkCrypto c) {
        return new RelayerPlugins(c, clock, out);
    }
}
