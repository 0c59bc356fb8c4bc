package io.smainer.daemon.relay;

import io.smainer.protocol.wire.NodeHeartbeat;

/** Builds the next {@code node_heartbeat} (load, active tasks, draining) at send time. */
@FunctionalInterface
public interface HeartbeatSource {
    NodeHeartbeat next();
}
