package io.smainer.protocol.api;

import java.util.Map;

/** {@code GET /nodes/summary}: counts by tier and GPU vendor, total VRAM. */
public record NodeSummary(int totalNodes, Map<String, Integer> byTier, Map<String, Integer> byGpuVendor, double totalVramGb) {
    public NodeSummary {
        byTier = Map.copyOf(byTier);
        byGpuVendor = Map.copyOf(byGpuVendor);
    }
}
