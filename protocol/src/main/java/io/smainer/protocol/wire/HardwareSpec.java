package io.smainer.protocol.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smainer.protocol.Require;
import io.smainer.protocol.api.Tier;
import java.util.List;

/** {@code hardware_spec} of {@code node_register} (PROTOCOL.md §2). No GPU is a valid answer. */
public record HardwareSpec(
        List<GpuDevice> gpuInfo,
        double gpuVramGb,
        double ramGb,
        int cpuThreads,
        Tier nodeTier,
        double storageGb,
        boolean gpuAvailable,
        String gpuModel,
        String architecture,
        String osType,
        @JsonProperty("is_wsl2") boolean isWsl2) {

    public HardwareSpec {
        gpuInfo = List.copyOf(gpuInfo == null ? List.of() : gpuInfo);
        Require.range("gpu_vram_gb", gpuVramGb, 0, 1 << 16);
        Require.range("ram_gb", ramGb, 0, 1 << 20);
        Require.range("cpu_threads", cpuThreads, 0, 4096);
        Require.range("storage_gb", storageGb, 0, 1 << 30);
        nodeTier = nodeTier == null ? Tier.BASIC : nodeTier;
        Require.optionalText("gpu_model", gpuModel, 256);
        Require.optionalText("architecture", architecture, 64);
        Require.optionalText("os_type", osType, 64);
    }
}
