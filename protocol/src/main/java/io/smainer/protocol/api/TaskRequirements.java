package io.smainer.protocol.api;

import io.smainer.protocol.Limits;
import io.smainer.protocol.Require;

/**
 * What a task needs from a node (PROTOCOL.md §1 {@code requirements}); every field optional.
 * Shared by the REST submission and the {@code task_assigned} frame.
 */
public record TaskRequirements(
        Integer cpuThreads,
        Double ramGb,
        Boolean gpuRequired,
        Integer maxExecutionTime,
        Double minVramGb,
        Tier requiredTier,
        String model) {

    public static final TaskRequirements NONE = new TaskRequirements(null, null, null, null, null, null, null);

    public TaskRequirements {
        Require.optionalRange("cpu_threads", cpuThreads, 1, 4096);
        Require.optionalRange("ram_gb", ramGb, 0.0, 1 << 20);
        Require.optionalRange("max_execution_time", maxExecutionTime, 1, Limits.MAX_EXECUTION_TIME_SECONDS);
        Require.optionalRange("min_vram_gb", minVramGb, 0.0, 1 << 16);
        Require.optionalText("model", model, Limits.MAX_ID_CHARS);
    }

    public boolean needsGpu() {
        return Boolean.TRUE.equals(gpuRequired) || (minVramGb != null && minVramGb > 0);
    }

    /** {@code max_execution_time}, or the production default of 300 s. */
    public int executionTimeSeconds() {
        return maxExecutionTime == null ? Limits.DEFAULT_EXECUTION_TIME_SECONDS : maxExecutionTime;
    }
}
