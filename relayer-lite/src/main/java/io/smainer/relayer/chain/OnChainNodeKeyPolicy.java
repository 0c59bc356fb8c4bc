package io.smainer.relayer.chain;

import io.smainer.chain.EscrowNode;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.KeyRedaction;
import io.smainer.relayer.ws.NodeKeyPolicy;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * PROTOCOL.md §2 (ours): the key a node authenticates with must be the one registered for its
 * {@code starknet_address} in the escrow ({@code get_node}), and the node must be ACTIVE. Answers are
 * cached for {@link #TTL_MILLIS} so a reconnect storm costs one call per address; a chain that cannot be
 * asked refuses the registration with a message that says to retry (the daemon reconnects with backoff).
 */
public final class OnChainNodeKeyPolicy implements NodeKeyPolicy {
    static final long TTL_MILLIS = 10_000;

    private record Cached(EscrowNode node, long until) {}

    private final ChainGateway chain;
    private final LongSupplier clock;
    private final Map<BigInteger, Cached> cache = new ConcurrentHashMap<>();

    public OnChainNodeKeyPolicy(ChainGateway chain, LongSupplier clock) {
        this.chain = chain;
        this.clock = clock;
    }

    @Override
    public CompletionStage<String> refusal(String nodeId, String starknetAddress, BigInteger publicKey) {
        BigInteger address = Felts.parse("starknet_address", starknetAddress);
        Cached c = cache.get(address);
        if (c != null && c.until() > clock.getAsLong()) {
            return CompletableFuture.completedFuture(judge(address, publicKey, c.node()));
        }
        return chain.read(() -> chain.escrow().getNode(address)).handle((node, e) -> {
            if (e != null) {
                return "cannot check the key registered on chain for " + Felts.toHex(address) + " now (Starknet RPC"
                        + " unavailable); retry in a few seconds";
            }
            cache.put(address, new Cached(node, clock.getAsLong() + TTL_MILLIS));
            return judge(address, publicKey, node);
        });
    }

    private String judge(BigInteger address, BigInteger publicKey, EscrowNode node) {
        String escrow = " in escrow " + Felts.toHex(chain.escrowAddress());
        return switch (node.status()) {
            case INACTIVE -> "starknet_address " + Felts.toHex(address) + " is not registered" + escrow
                    + ": register the node first (smainer register, i.e. register_node with this key)";
            case SUSPENDED -> "starknet_address " + Felts.toHex(address) + " is SUSPENDED" + escrow
                    + ": the escrow owner must reinstate it";
            case ACTIVE -> node.publicKey().equals(publicKey) ? null
                    : "starknet_public_key " + KeyRedaction.redact(Felts.toHex(publicKey)) + " is not the key registered"
                            + escrow + " for " + Felts.toHex(address) + " (" + KeyRedaction.redact(Felts.toHex(node.publicKey()))
                            + "): sign with the registered key, or register the new one";
        };
    }
}
