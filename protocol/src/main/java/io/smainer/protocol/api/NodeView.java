package io.smainer.protocol.api;

import io.smainer.protocol.wire.CapabilityContract;
import io.smainer.protocol.wire.HardwareSpec;

/** One provider node as the scheduler sees it ({@code GET /nodes}, {@code GET /nodes/{node_id}}). */
public record NodeView(
        String nodeId,
        String starknetAddress,
        String status,
        HardwareSpec hardwareSpec,
        CapabilityContract capabilities,
        int activeTasks,
        int maxConcurrentTasks,
        Double cpuUsage,
        Double memoryUsage,
        boolean draining,
        String connectedAt,
        String lastHeartbeat,
        long completedTasks,
        long failedTasks,
        String daemonVersion) {}
