package io.smainer.relayer;

import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.protocol.stark.StarkCryptos;
import io.smainer.relayer.chain.PaymentVerifier;
import io.smainer.relayer.chain.SettlementSink;
import io.smainer.relayer.config.RelayerConfig;
import io.smainer.relayer.ws.NodeKeyPolicy;
import java.time.Clock;

/**
 * The replaceable parts of the relayer: the Stark engine, the node-key rule, payment verification and
 * settlement (the chain module supplies the last three), and the clock.
 */
public record RelayerPlugins(StarkCrypto crypto, NodeKeyPolicy keyPolicy, PaymentVerifier payments,
                             SettlementSink settlement, Clock clock) {

    /** What a build without the chain module runs with. */
    public static RelayerPlugins defaults(RelayerConfig config) {
        return new RelayerPlugins(StarkCryptos.fast(), NodeKeyPolicy.KEY_IN_MESSAGE,
                config.requirePayment() ? PaymentVerifier.WITHOUT_CHAIN : PaymentVerifier.NOT_REQUIRED,
                SettlementSink.NONE, Clock.systemUTC());
    }

    public RelayerPlugins withCrypto(StarkCrypto c) {
        return new RelayerPlugins(c, keyPolicy, payments, settlement, clock);
    }
}
