package io.smainer.relayer.ws;

import java.math.BigInteger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Which public key a node must authenticate with. Production accepts the key in the message; the chain
 * module (issue 7) replaces {@link #KEY_IN_MESSAGE} with "must equal the key registered in the escrow
 * contract ({@code get_node})". Completes with null to accept, or with the reason to refuse.
 */
public interface NodeKeyPolicy {

    CompletionStage<String> refusal(String nodeId, String starknetAddress, BigInteger publicKey);

    /** Today's rule (production's): the signature must verify for the key sent in {@code node_register}. */
    NodeKeyPolicy KEY_IN_MESSAGE = (nodeId, address, key) -> CompletableFuture.completedFuture(null);
}
