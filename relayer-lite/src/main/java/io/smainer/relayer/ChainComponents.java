package io.smainer.relayer;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.smainer.devnet.PredeployedAccount;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.StarkCrypto;
import io.smainer.relayer.chain.ChainGateway;
import io.smainer.relayer.chain.EscrowPaymentVerifier;
import io.smainer.relayer.chain.EscrowSettler;
import io.smainer.relayer.chain.OnChainNodeKeyPolicy;
import io.smainer.relayer.chain.PaymentVerifier;
import io.smainer.relayer.chain.SettlementSink;
import io.smainer.relayer.config.ChainConfig;
import io.smainer.relayer.config.RelayerConfig;
import io.smainer.relayer.store.TaskStore;
import io.smainer.relayer.ws.NodeKeyPolicy;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The chain half of the object graph, built from {@link ChainConfig}: the gateway (embedded devnet or a
 * real network), the payment verifier, the node-key rule and the settler — or the chain-less defaults.
 * Part of the composition root: {@link RelayerLite} builds it, {@link RunningRelayer} closes it.
 */
final class ChainComponents implements AutoCloseable {
    final ChainGateway gateway;
    final PaymentVerifier payments;
    final NodeKeyPolicy keyPolicy;
    final EscrowSettler settler;
    final ExecutorService devnetThread;

    private ChainComponents(ChainGateway gateway, PaymentVerifier payments, NodeKeyPolicy keyPolicy, EscrowSettler settler,
                            ExecutorService devnetThread) {
        this.gateway = gateway;
        this.payments = payments;
        this.keyPolicy = keyPolicy;
        this.settler = settler;
        this.devnetThread = devnetThread;
    }

    static ChainComponents of(RelayerConfig config, Path dataDir, StarkCrypto crypto, Clock clock, TaskStore store) {
        ChainGateway g = switch (config.chain().mode()) {
            case NONE -> null;
            case EMBEDDED_DEVNET -> ChainGateway.embeddedDevnet(dataDir, crypto);
            case EXTERNAL -> ChainGateway.external(config.chain(), crypto);
        };
        if (g == null) {
            return new ChainComponents(null, config.requirePayment() ? PaymentVerifier.WITHOUT_CHAIN
                    : PaymentVerifier.NOT_REQUIRED, NodeKeyPolicy.KEY_IN_MESSAGE, null, null);
        }
        return new ChainComponents(g, new EscrowPaymentVerifier(g, config.requirePayment(), clock::millis),
                config.enforceOnchainKey() ? new OnChainNodeKeyPolicy(g, clock::millis) : NodeKeyPolicy.KEY_IN_MESSAGE,
                new EscrowSettler(g, store, clock::millis),
                g.isDevnet() ? Executors.newSingleThreadExecutor(new DefaultThreadFactory("devnet", true)) : null);
    }

    SettlementSink settlement() {
        return settler == null ? SettlementSink.NONE : settler;
    }

    /** Once the port is bound: the embedded devnet's client connects to {@code /rpc} over loopback; settling starts. */
    void started(String host, int port) {
        if (gateway == null) {
            return;
        }
        if (gateway.isDevnet()) {
            gateway.connect(URI.create("http://" + loopback(host) + ":" + port + "/rpc"));
        }
        settler.start();
    }

    /** What {@code components.starknet} of {@code /health} says; never the RPC URL's path or query. */
    String healthDetail() {
        if (gateway == null) {
            return null;
        }
        return (gateway.isDevnet() ? "embedded devnet at " + gateway.rpcUrl() : "Starknet RPC " + ChainConfig.origin(gateway.rpcUrl()))
                + ", escrow " + Felts.toHex(gateway.escrowAddress());
    }

    /** Devnet mode only: the predeployed accounts with their (public, test-only) keys, to the console. */
    void printDevnetAccounts(PrintStream out) {
        if (gateway == null || gateway.devnet().isEmpty()) {
            return;
        }
        out.println("Embedded Starknet devnet: rpc " + gateway.rpcUrl() + ", escrow " + Felts.toHex(gateway.escrowAddress())
                + ", STRK " + Felts.toHex(gateway.strkAddress()));
        out.println("Predeployed accounts (devnet test keys: public knowledge, never use them on a real network):");
        for (PredeployedAccount a : gateway.devnet().get().predeployedAccounts()) {
            out.println(a.describeWithPrivateKey());
        }
        out.flush();
    }

    static String loopback(String host) {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    @Override
    public void close() {
        if (settler != null) {
            settler.close();
        }
        if (devnetThread != null) {
            devnetThread.shutdown();
            try {
                devnetThread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (gateway != null) {
            gateway.close();
        }
    }
}
