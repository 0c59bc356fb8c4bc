package io.smainer.protocol.wire;

import io.smainer.protocol.Limits;
import io.smainer.protocol.Require;

/** {@code effort_metrics} of a result, with the relayer's bounds (PROTOCOL.md §2); all optional. */
public record EffortMetrics(
        Long tokensInput,
        Long tokensOutput,
        Double gpuTimeSeconds,
        String modelId,
        Double modelParamsBillions,
        Double peakVramUsedGb,
        Double throughputTps,
        Double wallTimeSeconds,
        Double cpuUsagePercent,
        Double peakMemoryMb) {

    public EffortMetrics {
        Require.optionalRange("tokens_input", tokensInput, 0L, Limits.MAX_TOKENS_INPUT);
        Require.optionalRange("tokens_output", tokensOutput, 0L, Limits.MAX_TOKENS_OUTPUT);
        Require.optionalRange("gpu_time_seconds", gpuTimeSeconds, 0.0, Limits.MAX_GPU_TIME_SECONDS);
        Require.optionalText("model_id", modelId, Limits.MAX_ID_CHARS);
        Require.optionalRange("model_params_billions", modelParamsBillions, 0.0, 1e5);
        Require.optionalRange("peak_vram_used_gb", peakVramUsedGb, 0.0, 1 << 16);
        Require.optionalRange("throughput_tps", throughputTps, 0.0, 1e9);
        Require.optionalRange("wall_time_seconds", wallTimeSeconds, 0.0, 1e7);
        Require.optionalRange("cpu_usage_percent", cpuUsagePercent, 0.0, 100 * 4096.0);
        Require.optionalRange("peak_memory_mb", peakMemoryMb, 0.0, 1 << 30);
    }
}
