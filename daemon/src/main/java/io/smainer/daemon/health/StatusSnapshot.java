package io.smainer.daemon.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * Builds the {@code /status} JSON: connection state, relayer URL, node id, registered-at, last
 * heartbeat ack, task counts, outbox depth, drain state, version. Field names are read by
 * {@code smainer status}: keep them stable.
 */
public final class StatusSnapshot {
    private final ObjectMapper json = new ObjectMapper();
    private final DaemonState state;
    private final DaemonMetrics metrics;
    private final String relayerUrl;
    private final String nodeId;
    private final String version;
    private final IntSupplier activeTasks;
    private final IntSupplier outboxDepth;
    private final java.util.List<StatusSection> sections;

    public StatusSnapshot(DaemonState state, DaemonMetrics metrics, String relayerUrl, String nodeId, String version,
                          IntSupplier activeTasks, IntSupplier outboxDepth) {
        this(state, metrics, relayerUrl, nodeId, version, activeTasks, outboxDepth, java.util.List.of());
    }

    public StatusSnapshot(DaemonState state, DaemonMetrics metrics, String relayerUrl, String nodeId, String version,
                          IntSupplier activeTasks, IntSupplier outboxDepth, java.util.List<StatusSection> sections) {
        this.sections = java.util.List.copyOf(sections);
        this.state = state;
        this.metrics = metrics;
        this.relayerUrl = relayerUrl;
        this.nodeId = nodeId;
        this.version = version;
        this.activeTasks = activeTasks;
        this.outboxDepth = outboxDepth;
    }

    public ObjectNode toJson() {
        ObjectNode n = json.createObjectNode();
        n.put("version", version);
        n.put("node_id", nodeId);
        n.put("relayer_url", relayerUrl);
        n.put("connection_state", state.connection().name().toLowerCase(java.util.Locale.ROOT));
        n.put("registered_at", iso(state.registeredAt()));
        n.put("last_heartbeat_ack", iso(state.lastHeartbeatAck()));
        n.put("last_inbound", iso(state.lastInbound()));
        n.put("last_disconnect_reason", state.lastDisconnectReason());
        n.put("relayer_acks_results", state.relayerAcksResults());
        ObjectNode tasks = n.putObject("tasks");
        tasks.put("active", activeTasks.getAsInt());
        tasks.put("completed", metrics.completedCount());
        tasks.put("failed", metrics.failedCount());
        tasks.put("rejected", metrics.rejectedCount());
        n.put("outbox_depth", outboxDepth.getAsInt());
        n.put("drain_state", state.drain().name().toLowerCase(java.util.Locale.ROOT));
        n.put("reconnects", metrics.reconnectCount());
        sections.forEach(section -> section.addTo(n));
        return n;
    }

    private static String iso(Instant i) {
        return i == null ? null : i.toString();
    }
}
