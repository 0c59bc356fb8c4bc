package io.smainer.relayer.testkit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.smainer.relayer.RelayerLite;
import io.smainer.relayer.RelayerPlugins;
import io.smainer.relayer.RunningRelayer;
import io.smainer.relayer.config.RelayerConfig;
import io.smainer.relayer.config.Secret;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A relayer started in this JVM on an ephemeral port with a fresh data dir, plus a client event loop. It
 * runs the embedded devnet (devnet mode's default) but, unlike the command's defaults, neither requires
 * payment nor enforces on-chain node keys: tests that pay or register nodes on chain turn those on.
 */
public final class InProcessRelayer implements AutoCloseable {
    public static final String CALLBACK_SECRET = "test-callback-secret-0123456789";
    public final RunningRelayer relayer;
    public final ApiClient api;
    public final EventLoopGroup clients = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());

    public InProcessRelayer(Path dataDir, UnaryOperator<RelayerConfig.Builder> tweak) throws InterruptedException {
        RelayerConfig config = tweak.apply(RelayerConfig.builder().port(0).dataDir(dataDir)
                .callbackSecret(Secret.of(CALLBACK_SECRET)).requirePayment(false).enforceOnchainKey(false)).build();
        relayer = RelayerLite.start(config, RelayerPlugins.defaults(System.out));
        api = new ApiClient(relayer.port(), relayer.apiKey().reveal());
    }

    public SimNode node(String id, int maxConcurrent) throws InterruptedException {
        SimNode n = SimNode.of(id).connect(clients, relayer.port());
        if (!n.register(maxConcurrent).success()) {
            throw new AssertionError("registration of " + id + " refused");
        }
        return n;
    }

    @Override
    public void close() {
        relayer.close();
        clients.shutdownGracefully().syncUninterruptibly();
    }
}
