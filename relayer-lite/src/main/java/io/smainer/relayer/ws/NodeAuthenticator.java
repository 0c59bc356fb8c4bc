package io.smainer.relayer.ws;

import io.smainer.protocol.Limits;
import io.smainer.protocol.stark.Felts;
import io.smainer.protocol.stark.NodeAuth;
import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.NodeRegister;
import io.smainer.relayer.store.TaskStore;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Checks a {@code node_register} (PROTOCOL.md §2 "Node authentication"), cheapest check first:
 * {@code node_id} equals the URL's, timestamp within ±300 s, Stark signature over the auth message
 * (on the verification pool), the {@link NodeKeyPolicy}, and finally that the (node_id, timestamp) pair
 * was never used before (remembered durably, so a replay fails across restarts too).
 */
public final class NodeAuthenticator {
    private final NodeAuth auth;
    private final NodeKeyPolicy keyPolicy;
    private final TaskStore store;
    private final Clock clock;
    private final Executor verifyPool;

    /** A refused registration: the error code and a message that names the field and the fix. */
    public record Refusal(WsErrorCode code, String message) {}

    public NodeAuthenticator(NodeAuth auth, NodeKeyPolicy keyPolicy, TaskStore store, Clock clock, Executor verifyPool) {
        this.auth = auth;
        this.keyPolicy = keyPolicy;
        this.store = store;
        this.clock = clock;
        this.verifyPool = verifyPool;
    }

    /** Completes with null when the node is authenticated, else with the refusal. */
    public CompletableFuture<Refusal> check(String pathNodeId, NodeRegister r) {
        if (!r.nodeId().equals(pathNodeId)) {
            return done(WsErrorCode.NODE_ID_MISMATCH, "node_id '" + r.nodeId() + "' differs from the URL's node id '"
                    + pathNodeId + "': connect to /ws/" + r.nodeId());
        }
        Instant ts = Frames.parseTimestamp("timestamp", r.timestamp());
        long skew = Math.abs(clock.millis() - ts.toEpochMilli()) / 1000;
        if (skew > Limits.CLOCK_WINDOW_SECONDS) {
            return done(WsErrorCode.STALE_TIMESTAMP, "timestamp " + r.timestamp() + " is " + skew
                    + " s from the relayer's clock; at most " + Limits.CLOCK_WINDOW_SECONDS + " s allowed: sync the clock (NTP)");
        }
        BigInteger publicKey = Felts.parse("starknet_public_key", r.starknetPublicKey());
        return CompletableFuture.supplyAsync(() -> auth.verify(publicKey, r.nodeId(), r.starknetAddress(), r.timestamp(),
                        r.authSignature()), verifyPool)
                .thenCompose(valid -> valid ? keyPolicy.refusal(r.nodeId(), r.starknetAddress(), publicKey)
                        .thenApply(why -> why == null ? null : new Refusal(WsErrorCode.KEY_NOT_ACCEPTED, why))
                        : done(WsErrorCode.INVALID_AUTH_SIGNATURE, "auth_signature does not verify for starknet_public_key"
                                + " over authenticate_node:<node_id>:<starknet_address>:<timestamp>"))
                .thenCompose(refusal -> refusal != null ? CompletableFuture.completedFuture(refusal)
                        : store.rememberAuth(r.nodeId(), r.timestamp(),
                                        ts.toEpochMilli() + 2 * Limits.CLOCK_WINDOW_SECONDS * 1000)
                                .thenApply(fresh -> fresh ? null : new Refusal(WsErrorCode.REPLAYED_AUTH,
                                        "this (node_id, timestamp) pair was already used: sign a fresh timestamp")));
    }

    private static CompletableFuture<Refusal> done(WsErrorCode code, String message) {
        return CompletableFuture.completedFuture(new Refusal(code, message));
    }
}
