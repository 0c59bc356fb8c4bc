package io.smainer.daemon.task;

import io.smainer.protocol.api.TaskRequirements;
import io.smainer.protocol.wire.HardwareSpec;
import java.util.Optional;

/** A task's requirements against this node's detected hardware; the reason names both numbers. */
public final class Eligibility {
    private final HardwareSpec hardware;

    public Eligibility(HardwareSpec hardware) {
        this.hardware = hardware;
    }

    /** Empty when this node can run a task with these requirements, else why not. */
    public Optional<String> check(TaskRequirements r) {
        if (r.cpuThreads() != null && r.cpuThreads() > hardware.cpuThreads()) {
            return Optional.of("needs " + r.cpuThreads() + " CPU threads; this node has " + hardware.cpuThreads());
        }
        if (r.ramGb() != null && r.ramGb() > hardware.ramGb()) {
            return Optional.of("needs " + r.ramGb() + " GB RAM; this node has " + hardware.ramGb());
        }
        if (r.needsGpu() && !hardware.gpuAvailable()) {
            return Optional.of("needs a GPU; this node has none");
        }
        if (r.minVramGb() != null && r.minVramGb() > hardware.gpuVramGb()) {
            return Optional.of("needs " + r.minVramGb() + " GB VRAM; this node has " + hardware.gpuVramGb());
        }
        if (!hardware.nodeTier().satisfies(r.requiredTier())) {
            return Optional.of("needs tier " + r.requiredTier().wireName() + "; this node is " + hardware.nodeTier().wireName());
        }
        return Optional.empty();
    }
}
