package io.smainer.relayer.schedule;

import io.smainer.protocol.api.TaskRequirements;
import io.smainer.protocol.wire.HardwareSpec;

/**
 * Whether a node may run a task (issue 4 "Scheduling"): heartbeat fresh, not draining, a free slot,
 * hardware ({@code cpu_threads}, {@code ram_gb}, {@code gpu_required}, {@code min_vram_gb},
 * {@code required_tier}), for AI tasks the model in the node's {@code supported_models}, and for an
 * escrow-backed task already assigned once, the same Starknet address.
 */
final class Eligibility {
    private Eligibility() {}

    static boolean canRun(NodeState node, LiveTask task, long nowMillis, long heartbeatTimeoutMillis) {
        if (node.draining || node.freeSlots() == 0 || nowMillis - node.lastHeartbeatMillis > heartbeatTimeoutMillis) {
            return false;
        }
        if (task.escrowProvider != null && !task.escrowProvider.equals(node.addressFelt)) {
            return false; // the escrow pays only the provider it was assigned to
        }
        return hardwareFits(node.hardware, task.requirements) && modelFits(node, task);
    }

    static boolean hardwareFits(HardwareSpec hw, TaskRequirements r) {
        if (r.cpuThreads() != null && hw.cpuThreads() < r.cpuThreads()) {
            return false;
        }
        if (r.ramGb() != null && hw.ramGb() < r.ramGb()) {
            return false;
        }
        if (r.needsGpu() && !hw.gpuAvailable()) {
            return false;
        }
        if (r.minVramGb() != null && hw.gpuVramGb() < r.minVramGb()) {
            return false;
        }
        return hw.nodeTier().satisfies(r.requiredTier());
    }

    /** AI tasks need their model listed; without a named model any node that lists a model will do. */
    static boolean modelFits(NodeState node, LiveTask task) {
        String model = task.requiredModel();
        if (!task.isAiInference()) {
            return model == null || node.capabilities.supportedModels().contains(model);
        }
        return model == null ? !node.capabilities.supportedModels().isEmpty()
                : node.capabilities.supportedModels().contains(model);
    }
}
