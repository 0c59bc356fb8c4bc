package io.smainer.relayer.schedule;

import io.smainer.protocol.api.NodeSummary;
import io.smainer.protocol.api.NodeView;
import io.smainer.protocol.wire.Frames;
import io.smainer.protocol.wire.GpuDevice;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Read-only views of the registry for {@code GET /nodes}; call on the scheduler thread. */
public final class NodeViews {
    private final Scheduler scheduler;

    public NodeViews(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public List<NodeView> all() {
        return scheduler.nodes().all().stream().map(NodeViews::view).toList();
    }

    public Optional<NodeView> one(String nodeId) {
        return Optional.ofNullable(scheduler.nodes().get(nodeId)).map(NodeViews::view);
    }

    public NodeSummary summary() {
        Map<String, Integer> byTier = new TreeMap<>();
        Map<String, Integer> byVendor = new TreeMap<>();
        double vram = 0;
        for (NodeState n : scheduler.nodes().all()) {
            byTier.merge(n.hardware.nodeTier().wireName(), 1, Integer::sum);
            byVendor.merge(vendor(n), 1, Integer::sum);
            vram += n.hardware.gpuVramGb();
        }
        return new NodeSummary(scheduler.nodes().size(), byTier, byVendor, vram);
    }

    private static String vendor(NodeState n) {
        if (!n.hardware.gpuAvailable()) {
            return "none";
        }
        for (GpuDevice g : n.hardware.gpuInfo()) {
            if (g.vendor() != null && !g.vendor().isBlank()) {
                return g.vendor().toLowerCase(Locale.ROOT);
            }
        }
        return "unknown";
    }

    static NodeView view(NodeState n) {
        return new NodeView(n.nodeId, n.address, n.draining ? "draining" : "active", n.hardware, n.capabilities,
                n.active.size(), n.maxConcurrent, n.cpuUsage, n.memoryUsage, n.draining,
                Frames.timestamp(Instant.ofEpochMilli(n.connectedAtMillis)),
                Frames.timestamp(Instant.ofEpochMilli(n.lastHeartbeatMillis)), n.completed, n.failed, n.daemonVersion);
    }
}
