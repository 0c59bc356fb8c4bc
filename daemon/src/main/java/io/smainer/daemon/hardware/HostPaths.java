package io.smainer.daemon.hardware;

import java.nio.file.Path;
import java.util.List;

/**
 * The OS files and commands hardware detection reads; tests point them at a temp dir and a fake
 * {@code nvidia-smi} script.
 */
public record HostPaths(Path cpuinfo, Path meminfo, Path procVersion, Path procStat, List<String> nvidiaSmi) {

    public static final List<String> NVIDIA_SMI_QUERY =
            List.of("--query-gpu=name,memory.total,driver_version", "--format=csv,noheader");

    public HostPaths {
        nvidiaSmi = List.copyOf(nvidiaSmi);
    }

    public static HostPaths system() {
        return new HostPaths(Path.of("/proc/cpuinfo"), Path.of("/proc/meminfo"), Path.of("/proc/version"),
                Path.of("/proc/stat"), List.of("nvidia-smi"));
    }
}
