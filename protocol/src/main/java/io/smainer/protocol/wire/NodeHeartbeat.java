package io.smainer.protocol.wire;

import io.smainer.protocol.Require;

/** {@code node_heartbeat} P→R every 30 s; {@code draining} is ours (the daemon is shutting down). */
public record NodeHeartbeat(
        String eventId,
        String timestamp,
        String nodeId,
        double cpuUsage,
        double memoryUsage,
        int activeTasks,
        CapabilityContract capabilities,
        Boolean draining) implements WsMessage {

    public NodeHeartbeat {
        Frames.envelope(eventId, timestamp);
        Require.matching("node_id", nodeId, Require.NODE_ID);
        Require.range("cpu_usage", cpuUsage, 0, 100 * 4096.0);
        Require.range("memory_usage", memoryUsage, 0, 100);
        Require.range("active_tasks", activeTasks, 0, 1024);
    }
}
