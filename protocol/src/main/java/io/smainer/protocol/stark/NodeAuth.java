package io.smainer.protocol.stark;

import java.math.BigInteger;

/**
 * Node authentication of {@code node_register} (PROTOCOL.md §2 "Node authentication"):
 * {@code h = sha256("authenticate_node:" + node_id + ":" + starknet_address + ":" + timestamp) mod P},
 * signed with the provider's Stark key. The timestamp and address are the exact strings sent.
 */
public final class NodeAuth {
    private final StarkCrypto crypto;

    public NodeAuth(StarkCrypto crypto) {
        this.crypto = crypto;
    }

    public static String message(String nodeId, String starknetAddress, String timestamp) {
        return "authenticate_node:" + nodeId + ":" + starknetAddress + ":" + timestamp;
    }

    public static BigInteger hash(String nodeId, String starknetAddress, String timestamp) {
        return Felts.sha256ModP(message(nodeId, starknetAddress, timestamp));
    }

    public StarkSignature sign(StarkPrivateKey key, String nodeId, String starknetAddress, String timestamp) {
        return key.sign(crypto, hash(nodeId, starknetAddress, timestamp));
    }

    public boolean verify(BigInteger publicKey, String nodeId, String starknetAddress, String timestamp, StarkSignature sig) {
        return crypto.verify(publicKey, hash(nodeId, starknetAddress, timestamp), sig.r(), sig.s());
    }
}
